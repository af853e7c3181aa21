using System.Text.Json;
using System.Text.RegularExpressions;
using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Before a meeting: the secretary prepares the agenda of a meeting of the seeded PCCC (scheduled through the JSON API
/// for tomorrow, so the agenda can only go out at short notice), uploads a paper, publishes with the reason and reads
/// the quorum forecast and the likely conflicts; the demo member, whose register interest concerns Riverside
/// Surgery, confirms their own pre-flag.
/// </summary>
[Collection(SecondRunningAppTests.Name)]
public sealed partial class MeetingPreparationJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string ItemTitle = "Riverside Surgery branch closure";
    private const string Presenter = "Jo Bennett, Head of Primary Care";
    private const string PaperTitle = "Branch closure business case";
    private static readonly byte[] SmallPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Secretary_PreparesAndPublishesTheAgendaAtShortNotice_MemberConfirmsTheirConflict()
    {
        var audit = new AccessibilityAudit(Output);
        var title = CommitteeSteps.UniqueName("PCCC meeting");
        var meetingId = await ScheduleThroughTheApiAsync(title);

        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync($"meetings/{meetingId}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("agenda-status")).ToHaveTextAsync("Agenda not yet published");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Open the console" })).ToHaveAttributeAsync("href", $"meetings/{meetingId}/console");
        await audit.CheckSettledAsync(Page, "meeting-empty");

        // Add an item with a presenter, affecting a practice a member has an interest in.
        var add = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add agenda item", Exact = true }), "Add agenda item");
        await add.Field("Title").FillAsync(ItemTitle);
        await add.Field("Presenter (optional)").FillAsync(Presenter);
        await Page.ChooseAsync(add, "Bodies affected (optional)", "Riverside Surgery");
        await audit.CheckSettledAsync(Page, "add-agenda-item-dialog");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add item", Exact = true }).ClickAsync();
        await Expect(add).ToBeHiddenAsync();
        var publicPart = Page.GetByTestId("public-part");
        var item = publicPart.GetByTestId("agenda-item");
        await Expect(item.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync($"1. {ItemTitle}");
        await Expect(item).ToContainTextAsync($"Presenter: {Presenter}");
        await Expect(item).ToContainTextAsync("Bodies affected: Riverside Surgery");
        await Expect(item).ToContainTextAsync("No papers yet.");

        // Upload a small PDF for it.
        var upload = await Page.OpenDialogAsync(item.GetByRole(AriaRole.Button, new() { Name = "Upload paper for item 1", Exact = true }), "Upload paper");
        await ChooseFileAsync(upload, new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await upload.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(upload.GetByTestId("file-error")).ToContainTextAsync("Upload a PDF, Word (.docx)");
        await audit.CheckSettledAsync(Page, "upload-paper-refused");
        await ChooseFileAsync(upload, new FilePayload { Name = "business-case.pdf", MimeType = "application/pdf", Buffer = SmallPdf });
        await upload.Field("Title (optional)").FillAsync(PaperTitle);
        // Private is the default; this paper is for the public part, so the secretary ticks it to publish it with the agenda.
        var publicPaper = upload.GetByLabel("Public paper", new() { Exact = true });
        await Expect(publicPaper).Not.ToBeCheckedAsync();
        await Expect(publicPaper).ToHaveAccessibleDescriptionAsync("Public papers are published with the agenda for anyone to read. Leave this unticked to keep the paper to members.");
        await publicPaper.CheckAsync();
        await audit.CheckSettledAsync(Page, "upload-paper-dialog");
        await upload.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Expect(upload).ToBeHiddenAsync();
        var paperLink = item.GetByRole(AriaRole.Link, new() { Name = PaperTitle, Exact = true });
        await Expect(paperLink).ToBeVisibleAsync();
        await Expect(item.GetByTestId("papers")).ToContainTextAsync($"{PaperTitle} (PDF, {SmallPdf.Length} bytes)");
        var download = await Page.APIRequest.GetAsync((await paperLink.GetAttributeAsync("href"))!);
        download.Status.Should().Be(200);
        (await download.BodyAsync()).Should().Equal(SmallPdf);
        download.Headers["x-content-type-options"].Should().Be("nosniff");

        var apologies = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Record apologies", Exact = true }), "Record apologies");
        await Page.ChooseAsync(apologies, "Member", "Sarah Whitfield");
        await audit.CheckSettledAsync(Page, "record-apologies-dialog");
        await apologies.GetByRole(AriaRole.Button, new() { Name = "Record apologies", Exact = true }).ClickAsync();
        await Expect(apologies).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("apologies")).ToHaveTextAsync("Apologies received from Sarah Whitfield.");

        // Publish: the meeting is tomorrow, so the server warns of short notice and the dialog asks why.
        var publish = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Publish agenda", Exact = true }), "Publish agenda");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish agenda", Exact = true }).ClickAsync();
        await Expect(publish.GetByTestId("short-notice-warning")).ToContainTextAsync("clear days before the meeting; at least 3 are required");
        await publish.Field("Reason for the short notice").FillAsync("The practice gave notice of closure last week; the chair agreed the short notice.");
        await audit.CheckSettledAsync(Page, "publish-agenda-short-notice-dialog");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish at short notice", Exact = true }).ClickAsync();
        await Expect(publish).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("agenda-status")).ToContainTextAsync("Agenda published on");
        await Expect(Page.GetByTestId("agenda-status")).ToContainTextAsync("Published at short notice. Reason: The practice gave notice of closure last week");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Publish agenda", Exact = true })).ToHaveCountAsync(0);

        // The forecast says in words whether the item will be quorate, with the explanation; the pack lists the conflict.
        var forecast = Page.GetByTestId("forecast-item");
        await Expect(forecast).ToHaveCountAsync(1);
        await Expect(forecast.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync(QuorateOrNot());
        await Expect(Page.GetByTestId("meeting-pack-conflicts")).ToContainTextAsync("Dr Aisha Rahman");
        await audit.CheckSettledAsync(Page, "meeting-prepared");
        await Page.ScreenshotAsync("meeting-preparation-01-secretary");

        // The member sees only their own likely conflict, and confirms it.
        var member = await OpenSecondBrowserAsync();
        await member.SignInAsync(DemoUsers.Member);
        await member.GotoAsync($"meetings/{meetingId}");
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await member.WaitForInteractiveAsync();
        await Expect(member.GetByTestId("meeting-pack-conflicts")).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Add agenda item" })).ToHaveCountAsync(0);
        var mine = member.GetByTestId("my-conflict").Filter(new() { HasText = "Riverside Surgery" }).First;
        await Expect(mine).ToContainTextAsync("Your answer: Not answered yet");
        await mine.GetByRole(AriaRole.Button, new() { NameRegex = ConfirmButton() }).ClickAsync();
        await Expect(mine).ToContainTextAsync("Your answer: Confirmed as relevant");
        await audit.CheckSettledAsync(member, "meeting-member");
        await member.ScreenshotAsync("meeting-preparation-02-member");

        audit.ShouldHaveNoSeriousViolations();
    }

    /// <summary>Clicks "Choose file" and answers the browser's file chooser, as a person picking a file does.</summary>
    private async Task ChooseFileAsync(ILocator dialog, FilePayload file)
    {
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => dialog.GetByRole(AriaRole.Button, new() { Name = "Choose file", Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(file);
        await Expect(dialog.GetByTestId("chosen-file")).ToHaveTextAsync($"Chosen: {file.Name} ({file.Buffer.Length} bytes)");
    }

    private async Task<string> ScheduleThroughTheApiAsync(string title)
    {
        var api = Page.APIRequest;
        var token = (await SendAsync(api, "POST", "/api/auth/token", null, new { email = DemoUsers.Secretary, password = DemoUsers.Password, tokenName = "meeting preparation test" }))
            .GetProperty("token").GetString()!;
        var committees = await SendAsync(api, "GET", "/api/committees", token);
        var committeeId = committees.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Primary Care Commissioning Committee").GetProperty("id").GetString();
        var meeting = await SendAsync(api, "POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token, new { title, startsAt = DateTimeOffset.UtcNow.AddDays(1) });
        return meeting.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(IAPIRequestContext api, string method, string url, string? token, object? body = null)
    {
        var options = new APIRequestContextOptions { Method = method, DataObject = body, Headers = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } };
        var response = await api.FetchAsync(url, options);
        var text = await response.TextAsync();
        response.Ok.Should().BeTrue($"{method} {url} answered {response.Status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // Another journey may adopt stricter terms of reference earlier in the run, so either verdict may be right: the
    // point is that it is said in words.
    private static Regex QuorateOrNot() => new($"^1\\. {Regex.Escape(ItemTitle)}: (Quorate|Not quorate)$");

    [GeneratedRegex("^Confirm")]
    private static partial Regex ConfirmButton();
}

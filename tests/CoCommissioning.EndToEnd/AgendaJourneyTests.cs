using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// Issue 13: the secretary builds an agenda from the committee's standing items, adds business, edits and reorders items
/// from the keyboard, replaces a paper with a new version, publishes, and downloads the pack to check its page count
/// and bookmarks. The committee is new (made through the API), so its standing items are its own to change.
/// </summary>
public sealed class AgendaJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string LateClosing = "Questions from the public";

    [Fact]
    public async Task Secretary_BuildsTheAgendaFromTheTemplate_ReordersFromTheKeyboard_ReplacesAPaper_PublishesAndDownloadsThePack()
    {
        var audit = new AccessibilityAudit(Output);
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "agenda journey");
        var committeeName = CommitteeSteps.UniqueName("Estates committee");
        var committee = await api.SendAsync("POST", "/api/committees", token, new { name = committeeName, type = "Audit", level = "Joint", purpose = "Estates decisions." });
        var committeeId = committee.GetProperty("id").GetString()!;

        // The committee's standing items: the rule book's, with one closing item added.
        await Page.SignInAsync(DemoUsers.Secretary);
        await Page.GotoAsync($"committees/{committeeId}/agenda-template");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Standing agenda items: {committeeName}", Level = 1 })).ToBeVisibleAsync();
        await Page.WaitForInteractiveAsync();
        await Expect(Page.GetByTestId("template-source")).ToHaveTextAsync("The committee uses the rule book's standard items.");
        await Expect(Page.GetByTestId("template-opening").GetByTestId("template-entry")).ToHaveCountAsync(4);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add closing item", Exact = true }).ClickAsync();
        await Page.GetByLabel("Closing item 3: title", new() { Exact = true }).FillAsync(LateClosing);
        await audit.CheckSettledAsync(Page, "agenda-template");
        await Page.ScreenshotAsync("agenda-01-standing-items");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save standing items", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("template-source")).ToHaveTextAsync("The committee has its own standing items.");

        // A meeting scheduled now starts with them.
        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings", token,
            new { title = CommitteeSteps.UniqueName("Estates meeting"), startsAt = DateTimeOffset.UtcNow.AddDays(14) });
        var meetingId = meeting.GetProperty("id").GetString()!;
        await Page.GotoAsync($"meetings/{meetingId}");
        await Page.WaitForInteractiveAsync();
        var items = Page.GetByTestId("public-part").GetByTestId("agenda-item");
        await Expect(items.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync([
            "1. Welcome and apologies", "2. Declarations of interest", "3. Minutes of the previous meeting", "4. Action log",
            "5. Any other business", "6. Date of next meeting", $"7. {LateClosing}"]);

        // Business goes between the opening and the closing items.
        var add = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Add agenda item", Exact = true }), "Add agenda item");
        await add.Field("Title").FillAsync("Estates plan");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add item", Exact = true }).ClickAsync();
        await Expect(add).ToBeHiddenAsync();
        await Expect(items.Nth(4).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("5. Estates plan");

        // Edit its title.
        var edit = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Edit item 5", Exact = true }), "Edit item 5");
        await edit.Field("Title").FillAsync("Estates plan 2027 to 2030");
        await audit.CheckSettledAsync(Page, "agenda-edit-item-dialog");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save item", Exact = true }).ClickAsync();
        await Expect(edit).ToBeHiddenAsync();
        await Expect(items.Nth(4).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("5. Estates plan 2027 to 2030");

        // Reorder from the keyboard: focus "Move up" and press Enter; a screen reader hears where the item went.
        var moveUp = Page.GetByRole(AriaRole.Button, new() { Name = "Move up: item 5, Estates plan 2027 to 2030", Exact = true });
        await moveUp.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("agenda-announcement")).ToHaveTextAsync("Estates plan 2027 to 2030 moved up: now item 4, place 4 of 8.");
        await Expect(items.Nth(3).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("4. Estates plan 2027 to 2030");
        await Expect(items.Nth(4).GetByRole(AriaRole.Heading, new() { Level = 3 })).ToHaveTextAsync("5. Action log");

        // A paper, then a new version of it: the earlier version stays listed.
        await UploadPaperAsync(meetingId, token, "Estates options, draft", pages: 2);
        await Page.ReloadAsync();
        await Page.WaitForInteractiveAsync();
        var estates = items.Nth(3);
        await Expect(estates.GetByTestId("papers")).ToContainTextAsync("Estates options, draft");
        var replace = await Page.OpenDialogAsync(estates.GetByRole(AriaRole.Button, new() { Name = "Replace paper Estates options, draft with a new version", Exact = true }),
            "Replace Estates options, draft");
        var chooser = await Page.RunAndWaitForFileChooserAsync(() => replace.GetByRole(AriaRole.Button, new() { Name = "Choose file", Exact = true }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "options-final.pdf", MimeType = "application/pdf", Buffer = Pdf(3) });
        await replace.Field("Title (optional)").FillAsync("Estates options");
        await audit.CheckSettledAsync(Page, "agenda-replace-paper-dialog");
        await replace.GetByRole(AriaRole.Button, new() { Name = "Upload new version", Exact = true }).ClickAsync();
        await Expect(replace).ToBeHiddenAsync();
        await Expect(estates.GetByTestId("papers")).ToContainTextAsync("Estates options (PDF");
        await Expect(estates.GetByTestId("papers")).ToContainTextAsync("version 2");
        await Expect(estates.GetByTestId("earlier-versions")).ToContainTextAsync("version 1");
        await audit.CheckSettledAsync(Page, "agenda-built");
        await Page.ScreenshotAsync("agenda-02-built");

        // Publish.
        var publish = await Page.OpenDialogAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Publish agenda", Exact = true }), "Publish agenda");
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish agenda", Exact = true }).ClickAsync();
        await Expect(publish).ToBeHiddenAsync();
        await Expect(Page.GetByTestId("agenda-status")).ToContainTextAsync("Agenda published on");

        // The public part of the pack: cover, agenda, then the three-page paper under item 4.
        var link = Page.GetByTestId("meeting-pack-links").GetByRole(AriaRole.Link, new() { Name = "Public part", Exact = true });
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        pdf.PageCount.Should().Be(1 + 1 + 3, "a cover, a one-page agenda and the new three-page version of the paper (not the old two pages)");
        pdf.Outlines.Select(o => o.Title).Should().Equal("Cover", "Agenda",
            "Item 1: Welcome and apologies", "Item 2: Declarations of interest", "Item 3: Minutes of the previous meeting",
            "Item 4: Estates plan 2027 to 2030", "Item 5: Action log", "Item 6: Any other business", "Item 7: Date of next meeting", $"Item 8: {LateClosing}");
        pdf.Outlines[5].Outlines.Select(o => o.Title).Should().Equal("Estates options");

        audit.ShouldHaveNoSeriousViolations();
    }

    private async Task UploadPaperAsync(string meetingId, string token, string title, int pages)
    {
        var api = Page.APIRequest;
        var meeting = await api.SendAsync("GET", $"/api/meetings/{meetingId}", token);
        var itemId = meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString()!.StartsWith("Estates plan", StringComparison.Ordinal)).GetProperty("id").GetString();
        var form = api.CreateFormData();
        form.Append("file", new FilePayload { Name = "options.pdf", MimeType = "application/pdf", Buffer = Pdf(pages) });
        form.Append("title", title);
        form.Append("isPublic", "true");
        var upload = await api.FetchAsync($"/api/meetings/{meetingId}/items/{itemId}/papers",
            new() { Method = "POST", Multipart = form, Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } });
        upload.Status.Should().Be(201, await upload.TextAsync());
    }

    private static byte[] Pdf(int pages)
    {
        using var pdf = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            pdf.AddPage();
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }
}

using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// An anonymous visitor on the one public site (ADR-0024), at desktop and at phone width (390×844): from the list of
/// organisations to the demo committee, its next meeting, the agenda and the pack; then the register of interests and
/// the search. Axe runs on every page at both sizes; screenshots are kept.
/// </summary>
public sealed class PublicSiteJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task AnonymousVisitor_FindsTheNextMeetingItsAgendaAndPack_AndTheRegister_AtDesktopAndPhoneWidth()
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.Secretary, "public site journey");
        var committee = await api.DemoPcccAsync(token);
        var committeeId = committee.GetProperty("id").GetString();
        var title = $"Public site journey {Guid.NewGuid():N}"[..32];
        var meeting = await api.SendAsync("POST", $"/api/committees/{committeeId}/meetings?standingItems=false", token,
            new { title, startsAt = SoonerThanAnyOther() });
        var meetingId = meeting.GetProperty("id").GetString();
        meeting = await api.SendAsync("POST", $"/api/meetings/{meetingId}/items", token,
            new { title = "Merger of Riverside and Northgate", purpose = "Decision", isPrivate = false, version = meeting.GetProperty("version").GetString() });
        await api.SendAsync("POST", $"/api/meetings/{meetingId}/agenda/publish", token,
            new { shortNoticeReason = "The lease offer expires before the next meeting.", version = meeting.GetProperty("version").GetString() });

        var audit = new AccessibilityAudit(Output);
        foreach (var (name, width, height) in new[] { ("desktop", 1280, 800), ("phone", 390, 844) })
        {
            await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = App.BaseAddress.ToString(),
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = width, Height = height },
            });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();

            await page.GotoAsync("public");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Public records", Level = 1 })).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"public-index-{name}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Example CCG", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example CCG", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Example CCG");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Staff sign in" })).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"public-home-{name}");
            await page.ScreenshotAsync($"public-01-home-{name}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Primary Care Commissioning Committee", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Primary Care Commissioning Committee", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("public-members")).ToContainTextAsync("Voting member");
            await Expect(page.GetByTestId("public-next-meeting")).ToContainTextAsync(title);
            await audit.CheckAsync(page, $"public-committee-{name}");
            await page.ScreenshotAsync($"public-02-committee-{name}");

            await page.GetByTestId("public-next-meeting").GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("public-agenda-item")).ToContainTextAsync("Merger of Riverside and Northgate");
            await Expect(page.GetByTestId("public-item-number")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("public-short-notice")).ToContainTextAsync("The lease offer expires before the next meeting.");
            var pack = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the meeting pack (public part, PDF)" }).ClickAsync());
            pack.SuggestedFilename.Should().EndWith(".pdf");
            await audit.CheckAsync(page, $"public-meeting-{name}");
            await page.ScreenshotAsync($"public-03-meeting-{name}");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Example CCG public records" }).GetByRole(AriaRole.Link, new() { Name = "Registers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register of interests", Level = 1 })).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"public-register-{name}");
            await page.ScreenshotAsync($"public-04-register-{name}");
            foreach (var (path, heading) in new[] { ("decisions", "Decisions"), ("meetings", "Meetings"), ("committees", "Committees"), ("registers/gifts", "Gifts and hospitality"), ("registers/procurement", "Procurement decisions"), ("registers/breaches", "Breaches") })
            {
                await page.GotoAsync($"public/example-ccg/{path}");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                await audit.CheckAsync(page, $"public-{path.Replace('/', '-')}-{name}");
            }

            await page.GotoAsync("public/example-ccg/search?q=Merger");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1. Merger of Riverside and Northgate" }).First).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"public-search-{name}");
            await page.ScreenshotAsync($"public-05-search-{name}");

            // The open data page (ADR-0026), from the footer of every public page.
            await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Open data" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open data", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("dataset-events")).ToContainTextAsync("Open Civic Data");
            await audit.CheckAsync(page, $"public-data-{name}");
            await page.ScreenshotAsync($"public-06-data-{name}");
        }

        audit.ShouldHaveNoSeriousViolations();
    }

    /// <summary>
    /// A few minutes from now, to the minute: sooner than the demo's meetings (seeded relative to the day the app
    /// starts, one of them later today) and than those other journeys schedule, so this is the committee's next meeting.
    /// </summary>
    private static DateTimeOffset SoonerThanAnyOther()
    {
        var soon = DateTimeOffset.UtcNow.AddMinutes(10);
        return new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, TimeSpan.Zero);
    }
}

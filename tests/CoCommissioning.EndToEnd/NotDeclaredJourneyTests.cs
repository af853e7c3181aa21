using CoCommissioning.EndToEnd.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CoCommissioning.EndToEnd;

/// <summary>
/// An anonymous visitor, at desktop and at phone width (390×844), opens the register of interests and sees who has not
/// declared in the current cycle after its due date (issue 14, ADR-0025). Axe runs on each page at both sizes.
/// </summary>
public sealed class NotDeclaredJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public async Task AnonymousVisitor_SeesWhoHasNotDeclared_AtDesktopAndPhoneWidth()
    {
        var api = Page.APIRequest;
        var token = await api.TokenAsync(DemoUsers.GovernanceLead, "not declared journey");
        var cycles = await api.SendAsync("GET", "/api/declaration-cycles", token);
        string? openedId = null;
        if (!cycles.EnumerateArray().Any(c => c.GetProperty("isOpen").GetBoolean()))
        {
            var opened = await api.SendAsync("POST", "/api/declaration-cycles", token, new { title = "Annual declarations (journey)" });
            openedId = opened.GetProperty("cycle").GetProperty("id").GetString();
        }

        // The due date passes: set it to yesterday in the app's SQLite database.
        await using (var connection = new SqliteConnection($"Data Source={App.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """UPDATE "DeclarationCycles" SET "DueOn" = $due WHERE "ClosedOn" IS NULL""";
            command.Parameters.AddWithValue("$due", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync();
        }

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

            await page.GotoAsync("public/example-ccg");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Example CCG", Level = 1 })).ToBeVisibleAsync();
            await audit.CheckAsync(page, $"not-declared-home-{name}");

            await page.GotoAsync("public/example-ccg/registers/interests");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register of interests", Level = 1 })).ToBeVisibleAsync();
            var section = page.GetByTestId("not-declared");
            await Expect(section.GetByRole(AriaRole.Heading, new() { Name = "Not yet declared", Level = 2 })).ToBeVisibleAsync();
            await Expect(section).ToContainTextAsync("had not made their return");
            await Expect(section.GetByRole(AriaRole.Listitem).First).ToContainTextAsync("(");
            await audit.CheckAsync(page, $"not-declared-register-{name}");
            await page.ScreenshotAsync($"not-declared-register-{name}");
        }

        // Leave no cycle open that this journey opened: the annual declarations journey starts with none.
        if (openedId is not null)
        {
            var cycle = await api.SendAsync("GET", $"/api/declaration-cycles/{openedId}", token);
            await api.SendAsync("POST", $"/api/declaration-cycles/{openedId}/close", token, new { version = cycle.GetProperty("cycle").GetProperty("version").GetString() });
        }

        audit.ShouldHaveNoSeriousViolations();
    }
}

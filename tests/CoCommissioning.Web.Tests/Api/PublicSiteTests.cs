using System.Net;
using System.Text.RegularExpressions;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Features.PublicSite;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The one public site (ADR-0024), read without signing in: every public page in the NHS.UK layout without staff
/// chrome; the committee's current members with roles and voting; the short-notice reason with the agenda; a past
/// meeting without a published agenda said truthfully; the search finds published records and never private ones.
/// </summary>
public abstract partial class PublicSiteTests(AppFixture app)
{
    private const string Slug = DemoSeeder.ExampleSlug;

    [DatabaseFact]
    public async Task EveryPublicPage_UsesThePublicLayout_WithoutStaffChrome()
    {
        var published = await PublicMeetingsTests.PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var anonymous = app.CreateAnonymousClient();
        string[] pages =
        [
            "/public", $"/public/{Slug}", $"/public/{Slug}/committees", $"/public/{Slug}/committees/{meeting.CommitteeId}",
            $"/public/{Slug}/meetings", PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId), $"/public/{Slug}/decisions",
            $"/public/{Slug}/registers/interests", $"/public/{Slug}/registers/gifts", $"/public/{Slug}/registers/procurement",
            $"/public/{Slug}/registers/breaches", $"/public/{Slug}/search", $"/public/{Slug}/search?q=Merger",
        ];

        foreach (var url in pages)
        {
            var html = await anonymous.GetStringAsync(url);
            html.Should().Contain("class=\"nhsuk-header nhsuk-header--organisation\"", url).And.Contain("nhsuk-footer", url)
                .And.Contain("Staff sign in", url).And.Contain("href=\"#main-content\"", url).And.Contain("id=\"main-content\"", url)
                .And.Contain("lib/nhsuk-frontend/nhsuk-frontend", url);
            html.Should().NotContain("MudBlazor.min.css", url).And.NotContain("mud-drawer", url).And.NotContain("mud-appbar", url);
            if (url != "/public")
            {
                html.Should().Contain("nhsuk-header__organisation-name\">Example CCG<", url).And.Contain("class=\"nhsuk-breadcrumb\"", url);
            }
        }

        // The vendored stylesheet is served by the app (CI needs no npm), with no font or image from another site.
        var home = await anonymous.GetStringAsync($"/public/{Slug}");
        var href = StylesheetHref().Match(home).Groups["href"].Value;
        var css = await anonymous.GetStringAsync(href);
        css.Should().Contain(".nhsuk-header").And.NotContain("assets.nhs.uk").And.NotContain("url(/assets/");
        using var icon = await anonymous.GetAsync("/lib/nhsuk-frontend/assets/images/nhsuk-icon-arrow-right-circle.svg");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task OrganisationHome_ShowsCommitteesNextMeetingsLatestDecisionsAndEveryRegister()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(1));
        using var anonymous = app.CreateAnonymousClient();

        var html = await anonymous.GetStringAsync($"/public/{Slug}");

        html.Should().Contain("<h2>Next meetings</h2>").And.Contain(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId))
            .And.Contain($"/public/{Slug}/committees/{meeting.CommitteeId}").And.Contain("<h2>Latest decisions</h2>");
        foreach (var register in new[] { "interests", "gifts", "procurement", "breaches" })
        {
            html.Should().Contain($"/public/{Slug}/registers/{register}\"");
        }
    }

    [DatabaseFact]
    public async Task CommitteePage_ListsCurrentMembers_WithRolesOfficeAndVoting_AndTheNextMeeting()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(3));
        using var anonymous = app.CreateAnonymousClient();

        var committee = await anonymous.GetJsonAsync<PublicCommitteeDto>($"/api/public/organisations/{Slug}/committees/{meeting.CommitteeId}");
        var html = await anonymous.GetStringAsync($"/public/{Slug}/committees/{meeting.CommitteeId}");

        committee.Members.Should().NotBeNull();
        committee.Members!.Select(m => m.Name).Should().Contain([Chair, ViceChair, Gp, Nurse]);
        committee.Members![0].Should().BeEquivalentTo(new { Name = Chair, Office = Domain.Committees.CommitteeOffice.Chair });
        committee.Members.Should().OnlyContain(m => m.Roles.Length > 0);
        committee.Members.Should().Contain(m => m.IsVoting);
        html.Should().Contain(Chair).And.Contain("Voting member").And.Contain("data-testid=\"public-members\"")
            .And.Contain(WebUtility.HtmlEncode(committee.Members[0].Roles));
        html.Should().Contain("data-testid=\"public-next-meeting\"").And.Contain(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId));
    }

    [DatabaseFact]
    public async Task ShortNoticeReason_IsShownWithThePublishedAgenda()
    {
        using var meeting = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddHours(2));
        var reason = ApiScenario.UniqueName("The lease offer expires tomorrow");
        await meeting.ChangeAsync("agenda/publish", new { shortNoticeReason = reason, version = meeting.Meeting.Version });
        using var anonymous = app.CreateAnonymousClient();

        var json = await anonymous.GetJsonAsync<PublicMeetingDto>($"/api/public/organisations/{Slug}/meetings/{meeting.MeetingId}");
        var html = await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId));

        json.ShortNoticeReason.Should().Be(reason);
        html.Should().Contain("data-testid=\"public-short-notice\"").And.Contain("Published at short notice").And.Contain(reason);
    }

    [DatabaseFact]
    public async Task Meetings_WithoutAPublishedAgenda_SayTruthfullyWhetherOneIsStillToCome()
    {
        using var past = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(-2));
        using var future = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(12));
        using var anonymous = app.CreateAnonymousClient();

        var pastHtml = await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(Slug, past.MeetingId));
        var futureHtml = await anonymous.GetStringAsync(PublicMeetingsService.MeetingUrl(Slug, future.MeetingId));
        var list = await anonymous.GetStringAsync($"/public/{Slug}/meetings");

        pastHtml.Should().Contain("No agenda for this meeting was published on this site.").And.NotContain("three clear days before");
        futureHtml.Should().Contain("The agenda has not been published yet. It is published at least three clear days before the meeting.");
        list.Should().Contain("No agenda published here").And.Contain("Agenda not yet published");
    }

    [DatabaseFact]
    public async Task Search_FindsPublishedItemsAndDecisions_NeverAPrivateItemOrAnUnpublishedAgenda()
    {
        var published = await PublicMeetingsTests.PublishedMeetingAsync(app);
        using var meeting = published.Meeting;
        using var unpublished = await MeetingScenario.StartAsync(app, DateTimeOffset.UtcNow.AddDays(20));
        var draftTitle = ApiScenario.UniqueName("Draft item for search");
        await unpublished.AddItemAsync(draftTitle);
        using var anonymous = app.CreateAnonymousClient();

        var found = await anonymous.GetJsonAsync<PublicSearchDto>($"/api/public/organisations/{Slug}/search?q={Uri.EscapeDataString("Merger of Riverside")}");
        var privateSearch = await anonymous.GetJsonAsync<PublicSearchDto>($"/api/public/organisations/{Slug}/search?q={Uri.EscapeDataString(published.PrivateItemTitle)}");
        var draftSearch = await anonymous.GetJsonAsync<PublicSearchDto>($"/api/public/organisations/{Slug}/search?q={Uri.EscapeDataString(draftTitle)}");
        var page = await anonymous.GetStringAsync($"/public/{Slug}/search?q={Uri.EscapeDataString("Merger of Riverside")}");
        using var northfield = await anonymous.GetAsync($"/api/public/organisations/no-such-organisation/search?q=x");

        found.Items.Should().Contain(i => i.MeetingId == meeting.MeetingId && i.Title == "Merger of Riverside and Northgate");
        found.Items.Should().NotContain(i => i.MeetingId == unpublished.MeetingId);
        found.Registers.Select(r => r.Name).Should().Equal("Register of interests", "Gifts and hospitality", "Procurement decisions", "Breaches");
        privateSearch.Total.Should().Be(0);
        draftSearch.Total.Should().Be(0);
        page.Should().Contain(PublicMeetingsService.MeetingUrl(Slug, meeting.MeetingId)).And.Contain("Merger of Riverside and Northgate");
        northfield.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<href>[^"]*nhsuk-frontend[^"]*)" """)]
    private static partial Regex StylesheetHref();
}

public sealed class PostgresPublicSiteTests(PostgresAppFixture app) : PublicSiteTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePublicSiteTests(SqliteAppFixture app) : PublicSiteTests(app), IClassFixture<SqliteAppFixture>;

using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Open views refreshing for the same change share one read of what every user sees (ADR-0014, issue 12's p95), and
/// each still gets its own view: the chair presides, a member sees only their own likely conflicts, the secretary keeps
/// the record, another organisation sees nothing, and no view is ever older than the change it was told of.
/// The item affects Riverside Surgery, so the register flags Dr Aisha Rahman (the demo member) and Dr James Morton (a
/// withheld entry).
/// </summary>
public abstract class ConsoleRefreshTests(AppFixture app)
{
    private const string Morton = "Dr James Morton";

    private MeetingConsoleService Console => app.Factory.Services.GetRequiredService<MeetingConsoleService>();

    [DatabaseFact]
    public async Task Refresh_EightViewsOfFourUsersAfterOneChange_OneSharedReadAndEachUsersOwnView()
    {
        using var meeting = await RiversideItemTakenAsync();
        var users = await UsersAsync(DemoUsers.Secretary, DemoUsers.Chair, DemoUsers.Member, DemoUsers.Governance);
        await meeting.ArriveAsync(ViceChair);
        var before = Console.SharedReads;

        // Two views each, all told of the same change at once.
        var refreshes = users.Concat(users).Select(u => (u.Email, u.User, View: Console.RefreshAsync(u.User, meeting.MeetingId))).ToList();
        await Task.WhenAll(refreshes.Select(r => r.View));

        (Console.SharedReads - before).Should().Be(1, "views refreshing for one change share one read of the shared part");
        var views = refreshes.Select(r => (r.Email, r.User, View: r.View.Result!)).ToList();
        views.Should().OnlyContain(v => ReferenceEquals(v.View.Meeting, views[0].View.Meeting), "the meeting is read once and shared");
        views.Should().OnlyContain(v => v.View.Meeting.Version == meeting.Meeting.Version, "no view is older than the change it was told of");
        views.Should().OnlyContain(v => v.View.Seats.Single(s => s.MembershipId == meeting.Id(ViceChair)).Presence == SeatPresence.Present);

        var (secretary, chair, member, governance) = (View(DemoUsers.Secretary), View(DemoUsers.Chair), View(DemoUsers.Member), View(DemoUsers.Governance));
        chair.Should().Match<MeetingConsoleDto>(v => v.IPreside && v.MyMembershipId == meeting.Id(Chair) && !v.IKeepTheRecord);
        member.Should().Match<MeetingConsoleDto>(v => !v.IPreside && v.MyMembershipId == meeting.Id(Gp) && !v.IKeepTheRecord);
        secretary.Should().Match<MeetingConsoleDto>(v => !v.IPreside && v.MyMembershipId == null && v.IKeepTheRecord);
        governance.Should().Match<MeetingConsoleDto>(v => !v.IPreside && v.MyMembershipId == null && !v.IKeepTheRecord);
        Flagged(chair).Should().BeEquivalentTo([Gp, Morton], "the person presiding rules on every likely conflict");
        Flagged(secretary).Should().BeEquivalentTo([Gp, Morton]);
        Flagged(governance).Should().BeEquivalentTo([Gp, Morton]);
        Flagged(member).Should().Equal([Gp], "a member sees only their own, never a withheld entry of someone else");

        // Each shared view is what that user reads on their own, and what the API gives them.
        foreach (var (_, user, view) in views)
        {
            view.Should().BeEquivalentTo(await Console.GetAsync(user, meeting.MeetingId), o => o.Excluding(v => v!.At));
        }

        using var memberClient = await app.CreateApiClientAsync(DemoUsers.Member);
        (await meeting.ConsoleAsync(memberClient)).Should().BeEquivalentTo(member, o => o.Excluding(v => v.At));

        MeetingConsoleDto View(string email) => views.First(v => v.Email == email).View;
    }

    [DatabaseFact]
    public async Task Refresh_AnotherChangeWhileTheLastReadIsKept_ReadsAgainAndShowsIt()
    {
        using var meeting = await RiversideItemTakenAsync();
        var member = (await UsersAsync(DemoUsers.Member))[0].User;
        await meeting.ArriveAsync(ViceChair);
        var first = await Console.RefreshAsync(member, meeting.MeetingId);
        var before = Console.SharedReads;

        // Well within the time a read is kept: the new notice must not be answered by the read made before it.
        await meeting.LeaveAsync(ViceChair);
        var second = await Console.RefreshAsync(member, meeting.MeetingId);

        (Console.SharedReads - before).Should().Be(1);
        second!.Meeting.Version.Should().Be(meeting.Meeting.Version).And.NotBe(first!.Meeting.Version);
        second.Seats.Single(s => s.MembershipId == meeting.Id(ViceChair)).Presence.Should().Be(SeatPresence.Left);
    }

    [DatabaseFact]
    public async Task Refresh_AnotherOrganisationsUserWhileAReadIsShared_GetsNothing()
    {
        using var meeting = await RiversideItemTakenAsync();
        var users = await UsersAsync(DemoUsers.Member, DemoUsers.NorthfieldSecretary);
        await meeting.ArriveAsync(ViceChair);

        var mine = Console.RefreshAsync(users[0].User, meeting.MeetingId);
        var theirs = Console.RefreshAsync(users[1].User, meeting.MeetingId);

        (await mine).Should().NotBeNull();
        (await theirs).Should().BeNull("the shared read is the meeting's organisation's only");
    }

    private static IEnumerable<string> Flagged(MeetingConsoleDto view) => view.Current!.LikelyConflicts.Select(f => f.PersonName);

    /// <summary>A meeting at its item affecting Riverside Surgery, quorate, the chair presiding.</summary>
    private async Task<MeetingScenario> RiversideItemTakenAsync()
    {
        var meeting = await MeetingScenario.StartAsync(app);
        var bodies = (await meeting.Secretary.GetJsonAsync<List<BodyDto>>("/api/bodies")).ToDictionary(b => b.Name, b => b.Id);
        var itemId = await meeting.AddItemAffectingAsync("Riverside Surgery list closure", bodies["Riverside Surgery"]);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.TakeItemAsync(itemId);
        return meeting;
    }

    private async Task<(string Email, CurrentUser User)[]> UsersAsync(params string[] emails) =>
        await Task.WhenAll(emails.Select(async email =>
        {
            using var client = await app.CreateApiClientAsync(email);
            var me = await client.GetJsonAsync<MeDto>("/api/me");
            return (email, new CurrentUser(me.UserId, me.DisplayName, me.OrganisationId, me.OrganisationName, me.PersonId, new HashSet<AppRole>(me.Roles)));
        }));
}

public sealed class PostgresConsoleRefreshTests(PostgresAppFixture app) : ConsoleRefreshTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteConsoleRefreshTests(SqliteAppFixture app) : ConsoleRefreshTests(app), IClassFixture<SqliteAppFixture>;

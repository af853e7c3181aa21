using System.Net;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.Quorum;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Api.TermsOfReference.RuleBookDocuments;

namespace CoCommissioning.Web.Tests.Api.TermsOfReference;

/// <summary>POST /api/committees/{id}/what-if on the demo PCCC (site-4 terms of reference); nothing is saved.</summary>
public abstract class WhatIfApiTests(AppFixture app)
{
    [DatabaseFact]
    public async Task WhatIf_EveryoneAbsent_IsNotQuorateWithExplanation()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();

        var result = await secretary.WhatIfAsync(pccc.Id);

        result.Verdict.IsQuorate.Should().BeFalse();
        result.Verdict.Explanation.Should().StartWith("Not quorate.");
        result.Verdict.Explanation.Should().Contain("Needs at least 4 voting members present and unconflicted; 0 are.");
        result.Verdict.Counted.Should().Be(0);
        result.Verdict.MinimumPresent.Should().Be(4);
        result.QuorumInWords.Should().Be(Site4InWords);
        result.Date.Should().Be(ApiScenario.Today);
        result.Seats.Should().HaveCount(13);
        result.Eligibility.Should().OnlyContain(e => !e.MayVote);
    }

    [DatabaseFact]
    public async Task WhatIf_EveryonePresent_IsQuorateAndTheChairPresides()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var seats = await secretary.SeatsByNameAsync(pccc.Id);

        var result = await secretary.WhatIfAsync(pccc.Id, [.. seats.Values.Select(s => new WhatIfAttendee(s.MembershipId, Presence.Present, ConflictRuling.FullPart))]);

        result.Verdict.IsQuorate.Should().BeTrue();
        result.Verdict.Explanation.Should().StartWith("Quorate.");
        result.Verdict.Counted.Should().Be(9, "nine members have a vote");
        result.Presiding.Should().Be("The chair, Helen Carter, presides.");
    }

    /// <summary>
    /// The rule book's worked case: the Chief Officer leaves the room on a conflict, and the Deputy Chief Finance
    /// Officer stands in for the Chief Finance Officer, so the executive place is still filled.
    /// </summary>
    [DatabaseFact]
    public async Task WhatIf_RuleBookScenario_DeputyFillsExecutivePlace_IsQuorate()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var seats = await secretary.SeatsByNameAsync(pccc.Id);
        seats["Mark Benson"].DeputyName.Should().Be("Lucy Price");
        WhatIfAttendee Present(string name, ConflictRuling ruling = ConflictRuling.FullPart) => new(seats[name].MembershipId, Presence.Present, ruling);

        var result = await secretary.WhatIfAsync(
            pccc.Id,
            Present("Helen Carter"),
            Present("Sarah Whitfield"),
            Present("Dr Aisha Rahman"),
            new WhatIfAttendee(seats["Mark Benson"].MembershipId, Presence.DeputyPresent, ConflictRuling.FullPart),
            Present("Rachel Adams", ConflictRuling.LeavesRoom));

        result.Verdict.IsQuorate.Should().BeTrue(result.Verdict.Explanation);
        result.Verdict.Explanation.Should().StartWith("Quorate.");
        result.Verdict.Explanation.Should().Contain("Lucy Price (deputy for Mark Benson)");
        result.Verdict.Counted.Should().Be(4);
        result.Verdict.Requirements[0].FilledBy.Should().Equal("Lucy Price (deputy for Mark Benson)");
        result.Verdict.Requirements[1].FilledBy.Should().BeEquivalentTo(["Helen Carter", "Sarah Whitfield"]);

        var rachel = result.Eligibility.Single(e => e.MembershipId == seats["Rachel Adams"].MembershipId);
        rachel.MayVote.Should().BeFalse();
        rachel.Reason.Should().Contain("conflict ruling").And.Contain("leaves the room");
        var lucy = result.Eligibility.Single(e => e.MembershipId == seats["Mark Benson"].MembershipId);
        lucy.MayVote.Should().BeTrue("the site-4 terms of reference let deputies vote");
        lucy.Name.Should().Be("Lucy Price (deputy for Mark Benson)");
    }

    [DatabaseFact]
    public async Task WhatIf_ChiefOfficerLeavesAndFinanceOfficerAbsent_IsNotQuorateNamingTheRoles()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var seats = await secretary.SeatsByNameAsync(pccc.Id);
        var attendance = seats.Values
            .Where(s => s.Name != "Mark Benson")
            .Select(s => new WhatIfAttendee(s.MembershipId, Presence.Present, s.Name == "Rachel Adams" ? ConflictRuling.LeavesRoom : ConflictRuling.FullPart));

        var result = await secretary.WhatIfAsync(pccc.Id, [.. attendance]);

        result.Verdict.IsQuorate.Should().BeFalse();
        result.Verdict.Explanation.Should().StartWith("Not quorate.").And.Contain("Chief Officer or Chief Finance Officer")
            .And.Contain("Mark Benson is absent").And.Contain("Rachel Adams is excluded by a conflict ruling");
    }

    [DatabaseFact]
    public async Task WhatIf_MembershipOfAnotherCommittee_Returns400()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var other = await secretary.CreateCommitteeAsync();
        var person = await secretary.PersonNamedAsync("Lucy Price");
        var role = await secretary.RoleNamedAsync("Chief Finance Officer");
        using var added = await secretary.PostJsonAsync($"/api/committees/{other.Id}/memberships", new { personId = person.Id, roleIds = new[] { role.Id }, isVoting = true, termStart = ApiScenario.Today, version = other.Version });
        var foreign = (await added.ReadJsonAsync<CommitteeDto>(HttpStatusCode.OK)).Memberships.Single();

        using var response = await secretary.PostJsonAsync($"/api/committees/{pccc.Id}/what-if", new WhatIfRequest(null, [new WhatIfAttendee(foreign.Id, Presence.Present, ConflictRuling.FullPart)], null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("attendance").Should().ContainSingle().Which.Should().Contain("not members of this committee");
    }

    [DatabaseFact]
    public async Task WhatIf_DeputyForMemberWithoutOne_Returns400()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();
        var seats = await secretary.SeatsByNameAsync(pccc.Id);

        using var response = await secretary.PostJsonAsync($"/api/committees/{pccc.Id}/what-if", new WhatIfRequest(null, [new WhatIfAttendee(seats["Rachel Adams"].MembershipId, Presence.DeputyPresent, ConflictRuling.FullPart)], null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorsFor("attendance").Should().ContainSingle().Which.Should().Contain("Rachel Adams has no named deputy");
    }

    [DatabaseFact]
    public async Task WhatIf_DateBeforeAnyTermsOfReference_Returns422()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await secretary.PostJsonAsync($"/api/committees/{pccc.Id}/what-if", new WhatIfRequest(new DateOnly(ApiScenario.Today.Year - 1, 3, 31), [], null));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().Should().Contain("no terms of reference in force");
    }
}

public sealed class PostgresWhatIfApiTests(PostgresAppFixture app) : WhatIfApiTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteWhatIfApiTests(SqliteAppFixture app) : WhatIfApiTests(app), IClassFixture<SqliteAppFixture>;

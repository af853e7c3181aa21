using System.Net;
using System.Text;
using CoCommissioning.Web.Tests.Infrastructure;
using static CoCommissioning.Web.Tests.Api.TermsOfReference.RuleBookDocuments;

namespace CoCommissioning.Web.Tests.Api.Input;

/// <summary>Issue 12 probe: a null in a list of the request is a 400 naming the list, never a 500.</summary>
public abstract class InputNullElementTests(AppFixture app)
{
    [DatabaseFact]
    public async Task WhatIf_NullAttendee_Returns400NamingAttendance()
    {
        using var secretary = await app.CreateApiClientAsync(DemoUsers.Secretary);
        var pccc = await secretary.TheOnlySeededCommitteeAsync();

        using var response = await PostRawAsync(secretary, $"/api/committees/{pccc.Id}/what-if", """{"attendance":[null]}""");

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("attendance").Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task RecordVote_NullVote_Returns400NamingVotes()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(MeetingScenario.Chair, MeetingScenario.Nurse, MeetingScenario.Gp, MeetingScenario.ChiefOfficer);

        using var response = await meeting.PostVoteAsync([null!]);

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("votes").Should().NotBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("/preview")]
    [InlineData("")]
    public async Task TermsOfReference_NullRequirement_Returns400NamingTheRequirement(string suffix)
    {
        using var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        var pccc = await governance.TheOnlySeededCommitteeAsync();
        var tor = await governance.TermsOfReferenceAsync(pccc.Id);
        var document = Site1(ApiScenario.Today.AddDays(30));
        document = document with { Quorum = document.Quorum with { Requirements = [null!] } };

        using var response = suffix == ""
            ? await governance.AdoptAsync(pccc.Id, document, tor.CommitteeVersion)
            : await governance.PostJsonAsync(TorUrl(pccc.Id) + suffix, document);

        if (suffix == "")
        {
            (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorsFor("quorum.requirements[0]").Should().NotBeEmpty();
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadAsStringAsync()).Should().Contain("quorum.requirements[0]");
        }
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class PostgresInputNullElementTests(PostgresAppFixture app) : InputNullElementTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteInputNullElementTests(SqliteAppFixture app) : InputNullElementTests(app), IClassFixture<SqliteAppFixture>;

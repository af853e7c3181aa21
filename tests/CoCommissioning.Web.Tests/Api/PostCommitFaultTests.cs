using System.Net;
using System.Net.Http.Headers;
using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// A write that committed is reported as committed (issue 11): the work after the commit (cache eviction, live notices)
/// fails here on purpose, before every other observer, and the answer is still the saved change, the record is whole,
/// and the live notice still reaches an open view.
/// </summary>
public abstract class PostCommitFaultTests(AppFixture app)
{
    [DatabaseFact]
    public async Task RecordVote_ObserverFailsAfterTheCommit_AnswersCreatedTheRecordIsWholeAndTheLiveNoticeGoesOut()
    {
        var token = await app.CreateTokenAsync(DemoUsers.Secretary);
        await using var faulty = app.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.Insert(0, ServiceDescriptor.Singleton<IGovernanceChangeObserver, FailingObserver>())));
        var secretary = faulty.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        secretary.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var failing = (FailingObserver)faulty.Services.GetServices<IGovernanceChangeObserver>().First(o => o is FailingObserver);

        // Scheduling, adding the item and each arrival already went through the failing observer and were answered 2xx.
        using var meeting = await MeetingScenario.StartAsync(secretary, DateTimeOffset.UtcNow);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        var heard = new TaskCompletionSource<MeetingChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var view = faulty.Services.GetRequiredService<IMeetingUpdates>().Subscribe(meeting.MeetingId, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });
        var failuresBefore = failing.Failures;

        using var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer));

        await vote.ReadJsonAsync<DecisionDto>(HttpStatusCode.Created);
        failing.Failures.Should().BeGreaterThan(failuresBefore, "the observer failed after this commit too");
        (await heard.Task.WaitAsync(TimeSpan.FromSeconds(10))).MeetingId.Should().Be(meeting.MeetingId);
        (await meeting.DecisionsAsync()).Should().ContainSingle().Which.Votes.Should().HaveCount(4);
        await meeting.RefreshAsync();
        meeting.Meeting.Items[0].Status.Should().Be(ItemStatus.Closed);
        meeting.Meeting.Attendance.Should().HaveCount(4);
    }

    /// <summary>Fails after every commit, as a cache eviction does when the database it reads is locked or down.</summary>
    private sealed class FailingObserver : IGovernanceChangeObserver
    {
        private int failures;

        public int Failures => Volatile.Read(ref failures);

        public Task SavedAsync(IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref failures);
            throw new InvalidOperationException("Injected failure after the commit (as a cache eviction whose database read failed).");
        }
    }
}

public sealed class PostgresPostCommitFaultTests(PostgresAppFixture app) : PostCommitFaultTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqlitePostCommitFaultTests(SqliteAppFixture app) : PostCommitFaultTests(app), IClassFixture<SqliteAppFixture>;

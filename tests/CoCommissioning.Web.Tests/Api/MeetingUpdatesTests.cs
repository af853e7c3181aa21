using System.Collections.Concurrent;
using System.Net;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure.Instances;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Open views of a meeting hear of each committed change to it (the groundwork of issue 5's live views). Views on
/// another instance of the app: <see cref="TwoInstanceTests"/>.
/// </summary>
public abstract class MeetingUpdatesTests(AppFixture app)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [DatabaseFact]
    public async Task Subscribe_ArrivalRulingAndVote_EachNotifiesTheMeetingsViewsOnly()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        using var other = await MeetingScenario.StartAsync(app);
        var updates = app.Factory.Services.GetRequiredService<IMeetingUpdates>();
        var heard = new ConcurrentQueue<MeetingChanged>();
        var otherHeard = new ConcurrentQueue<MeetingChanged>();
        using var view = updates.Subscribe(meeting.MeetingId, change => { heard.Enqueue(change); return Task.CompletedTask; });
        using var otherView = updates.Subscribe(other.MeetingId, change => { otherHeard.Enqueue(change); return Task.CompletedTask; });

        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await WaitUntilAsync(() => heard.Count >= 4);
        await meeting.RuleAsync(Gp, CoCommissioning.Domain.Quorum.ConflictRuling.FullPart);
        await WaitUntilAsync(() => heard.Count >= 5);
        using var vote = await meeting.PostVoteAsync(meeting.AllFor(Chair, Nurse, Gp, ChiefOfficer));
        vote.StatusCode.Should().Be(HttpStatusCode.Created, await vote.Content.ReadAsStringAsync());
        await WaitUntilAsync(() => heard.Count >= 6);

        heard.Should().OnlyContain(c => c.MeetingId == meeting.MeetingId);
        otherHeard.Should().BeEmpty("a change to one meeting is not news to another's views");
    }

    [DatabaseFact]
    public async Task Dispose_StopsTheNotices()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var updates = app.Factory.Services.GetRequiredService<IMeetingUpdates>();
        var heard = 0;
        var view = updates.Subscribe(meeting.MeetingId, _ => { Interlocked.Increment(ref heard); return Task.CompletedTask; });
        await meeting.ArriveAsync(Chair);
        await WaitUntilAsync(() => Volatile.Read(ref heard) == 1);

        // A view still subscribed hears the next change; once it has, the disposed view would have heard it too.
        var probeHeard = 0;
        using var probe = updates.Subscribe(meeting.MeetingId, _ => { Interlocked.Increment(ref probeHeard); return Task.CompletedTask; });
        view.Dispose();
        await meeting.ArriveAsync(Nurse);
        await WaitUntilAsync(() => Volatile.Read(ref probeHeard) == 1);

        Volatile.Read(ref heard).Should().Be(1);
    }

    [DatabaseFact]
    public async Task Publish_AViewThatThrows_DoesNotStopTheOthers()
    {
        var updates = app.Factory.Services.GetRequiredService<IMeetingUpdates>();
        var meetingId = Guid.NewGuid();
        var heard = new TaskCompletionSource();
        using var broken = updates.Subscribe(meetingId, _ => throw new InvalidOperationException("closed circuit"));
        using var working = updates.Subscribe(meetingId, _ => { heard.TrySetResult(); return Task.CompletedTask; });

        await updates.PublishAsync(new MeetingChanged(meetingId, Guid.NewGuid(), DateTimeOffset.UtcNow));

        await heard.Task.WaitAsync(Soon);
    }

    /// <summary>PostgreSQL carries updates between instances (ADR-0014); SQLite, one instance, keeps them in-process.</summary>
    protected abstract Registration Expected { get; }

    [DatabaseFact]
    public void Registered_TheProvidersUpdates()
    {
        var services = app.Factory.Services;
        services.GetRequiredService<IMeetingUpdates>().Should().BeOfType(Expected.Updates);
        services.GetRequiredService<IOtherInstances>().Should().BeOfType(Expected.OtherInstances);
        services.GetServices<IHostedService>().Any(s => s is PostgresNotificationChannel).Should().Be(Expected.Listens);
    }

    [DatabaseFact]
    public async Task Publish_HereWithAViewHere_TheViewHearsItExactlyOnce()
    {
        // On PostgreSQL the notice also goes out to the other instances and comes back to this one: it must not
        // refresh this instance's views a second time.
        using var meeting = await MeetingScenario.StartAsync(app);
        var updates = app.Factory.Services.GetRequiredService<IMeetingUpdates>();
        var heard = 0;
        using var view = updates.Subscribe(meeting.MeetingId, _ => { Interlocked.Increment(ref heard); return Task.CompletedTask; });

        await meeting.ArriveAsync(Chair);
        await WaitUntilAsync(() => Volatile.Read(ref heard) >= 1);
        await Task.Delay(500);

        Volatile.Read(ref heard).Should().Be(1);
    }

    protected sealed record Registration(Type Updates, Type OtherInstances, bool Listens);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the views should hear of the change within {0}", Soon);
            await Task.Delay(20);
        }
    }
}

public sealed class PostgresMeetingUpdatesTests(PostgresAppFixture app) : MeetingUpdatesTests(app), IClassFixture<PostgresAppFixture>
{
    protected override Registration Expected => new(typeof(PostgresMeetingUpdates), typeof(PostgresNotificationChannel), Listens: true);
}

public sealed class SqliteMeetingUpdatesTests(SqliteAppFixture app) : MeetingUpdatesTests(app), IClassFixture<SqliteAppFixture>
{
    protected override Registration Expected => new(typeof(InProcessMeetingUpdates), typeof(NoOtherInstances), Listens: false);
}

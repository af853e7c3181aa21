using System.Net;
using CoCommissioning.Data;
using CoCommissioning.Domain.Notices;
using CoCommissioning.Web.Features.Actions;
using CoCommissioning.Web.Features.Notices;
using CoCommissioning.Web.Infrastructure.Email;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;

namespace CoCommissioning.Web.Tests.Api.Notices;

/// <summary>
/// Issue 13, notices by email (ADR-0021): recorded in the outbox when the change is saved, sent by the dispatcher,
/// honouring each person's settings, listed in the app. On both providers.
/// </summary>
public abstract class NoticeTests(AppFixture app)
{
    protected AppFixture App { get; } = app;

    private NoticeDispatcher Dispatcher => App.Factory.Services.GetRequiredService<NoticeDispatcher>();

    [DatabaseFact]
    public async Task PublishAgenda_QueuesOneNoticePerMember_WithTheInvitationAndThePackLink_ThenTheDispatcherSendsThem()
    {
        using var scenario = await MeetingScenario.StartAsync(App, DateTimeOffset.UtcNow.AddDays(10));

        await PublishAsync(scenario);

        var notices = await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished);
        var members = scenario.Members.Values.Select(m => m.PersonName).Distinct().ToList();
        notices.Select(n => n.RecipientName).Should().BeEquivalentTo(members, "one notice per member, each once");
        const string slug = CoCommissioning.Web.Data.DemoSeeder.ExampleSlug;
        notices.Should().AllSatisfy(n =>
        {
            n.Status.Should().Be(NoticeStatus.Waiting);
            n.AttachmentName.Should().Be("meeting.ics");
            n.Body.Should().Contain($"/meetings/{scenario.MeetingId}").And.Contain($"/public/{slug}/meetings/{scenario.MeetingId}/pack.pdf");
        });
        var invitation = await StoredAsync(notices[0].Id, n => n.AttachmentContent);
        invitation.Should().Contain("BEGIN:VEVENT").And.Contain($"UID:{scenario.MeetingId:D}@{slug}");

        await Dispatcher.DispatchAsync();

        var sent = await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished);
        sent.Should().AllSatisfy(n => n.Status.Should().Be(NoticeStatus.Sent)).And.AllSatisfy(n => n.Attempts.Should().Be(1));
        var emails = Directory.GetFiles(App.Factory.OutboxDirectory, "*.eml").Select(File.ReadAllText)
            .Select(e => e.Replace("=\r\n", "", StringComparison.Ordinal)).Where(e => e.Contains($"/meetings/{scenario.MeetingId}/pack.pdf", StringComparison.Ordinal)).ToList();
        emails.Should().HaveCount(members.Count);
        emails.Should().AllSatisfy(e => e.Should().Contain("text/calendar").And.Contain("meeting.ics"));
    }

    [DatabaseFact]
    public async Task PersonWhoTurnedTheKindOff_GetsNone_AndAllOffStopsEveryKind()
    {
        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var settings = await member.GetJsonAsync<NoticePreferencesDto>("/api/notices/preferences");
        using (var off = await member.PutJsonAsync("/api/notices/preferences", new { allOff = false, off = new[] { NoticeKind.AgendaPublished }, version = settings.Version }))
        {
            settings = await off.ReadJsonAsync<NoticePreferencesDto>(HttpStatusCode.OK);
        }

        try
        {
            settings.Kinds.Single(k => k.Kind == NoticeKind.AgendaPublished).On.Should().BeFalse();
            using var scenario = await MeetingScenario.StartAsync(App, DateTimeOffset.UtcNow.AddDays(10));
            await PublishAsync(scenario);
            (await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished)).Select(n => n.RecipientName)
                .Should().NotContain(MeetingScenario.Gp).And.Contain(MeetingScenario.Chair);

            using (var allOff = await member.PutJsonAsync("/api/notices/preferences", new { allOff = true, off = Array.Empty<NoticeKind>(), version = settings.Version }))
            {
                settings = await allOff.ReadJsonAsync<NoticePreferencesDto>(HttpStatusCode.OK);
            }

            (await App.Factory.Services.GetRequiredService<MeetingNotices>().MeetingChangedAsync(scenario.MeetingId, "The venue is now Room 2."))
                .Should().Be(scenario.Members.Count - 1);
            (await NoticesOfAsync(scenario.MeetingId, NoticeKind.MeetingChanged)).Select(n => n.RecipientName).Should().NotContain(MeetingScenario.Gp);

            using var stale = await member.PutJsonAsync("/api/notices/preferences", new { allOff = false, off = Array.Empty<NoticeKind>(), version = Guid.NewGuid() });
            await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            using var restore = await member.PutJsonAsync("/api/notices/preferences", new { allOff = false, off = Array.Empty<NoticeKind>(), version = settings.Version });
            restore.StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [DatabaseFact]
    public async Task MeetingChangedAndCancelled_GoToTheMembers_WithWhatChangedAndTheReason()
    {
        using var scenario = await MeetingScenario.StartAsync(App, DateTimeOffset.UtcNow.AddDays(10));
        var notices = App.Factory.Services.GetRequiredService<MeetingNotices>();

        (await notices.MeetingChangedAsync(scenario.MeetingId, "The venue is now Room 2, Civic Centre.")).Should().Be(scenario.Members.Count);
        (await notices.MeetingCancelledAsync(scenario.MeetingId, "The chair is unwell.")).Should().Be(scenario.Members.Count);
        (await notices.MeetingChangedAsync(Guid.NewGuid(), "An unknown meeting")).Should().Be(0, "an unknown meeting has nobody to tell, and the hook never throws");

        (await NoticesOfAsync(scenario.MeetingId, NoticeKind.MeetingChanged)).Should().AllSatisfy(n =>
        {
            n.Subject.Should().StartWith("Meeting changed");
            n.Body.Should().Contain("The venue is now Room 2, Civic Centre.");
            n.AttachmentName.Should().Be("meeting.ics");
        });
        (await NoticesOfAsync(scenario.MeetingId, NoticeKind.MeetingCancelled)).Should().HaveCount(scenario.Members.Count)
            .And.AllSatisfy(n => n.Body.Should().Contain("Reason: The chair is unwell."));
    }

    [DatabaseFact]
    public async Task FailingSender_LeavesTheNoticeFailedAndRetried_WithoutFailingThePublication_ThenAResendSendsIt()
    {
        var token = await App.CreateTokenAsync(DemoUsers.Secretary);
        await using var faulty = App.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<IEmailSender, FailingSender>()));
        var secretary = faulty.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        secretary.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var scenario = await MeetingScenario.StartAsync(secretary, DateTimeOffset.UtcNow.AddDays(10));

        await PublishAsync(scenario);
        (await secretary.GetJsonAsync<CoCommissioning.Web.Features.Meetings.MeetingDto>(scenario.Url)).AgendaPublishedAt.Should().NotBeNull();

        var failingDispatcher = faulty.Services.GetRequiredService<NoticeDispatcher>();
        (await failingDispatcher.DispatchAsync()).Failed.Should().BeGreaterThan(0);
        var failed = await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished);
        failed.Should().AllSatisfy(n =>
        {
            n.Status.Should().Be(NoticeStatus.Failed);
            n.Attempts.Should().Be(1);
            n.LastError.Should().Contain("Injected");
            n.NextAttemptAt.Should().BeAfter(n.LastAttemptAt!.Value, "it is retried later");
        });

        // The retry, when it falls due, fails again and is counted.
        await failingDispatcher.DispatchAsync(DateTimeOffset.UtcNow.AddMinutes(2));
        (await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished)).Should().AllSatisfy(n => n.Attempts.Should().Be(2));

        // The governance lead resends one; the working sender sends it.
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var one = failed[0];
        var current = (await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished)).Single(n => n.Id == one.Id);
        using (var stale = await governance.PostJsonAsync($"/api/notices/{one.Id}/resend", new { version = one.Version }))
        {
            await stale.ReadProblemAsync(HttpStatusCode.Conflict);
        }

        using (var resend = await governance.PostJsonAsync($"/api/notices/{one.Id}/resend", new { version = current.Version }))
        {
            (await resend.ReadJsonAsync<NoticeDto>(HttpStatusCode.OK)).Status.Should().Be(NoticeStatus.Waiting);
        }

        await Dispatcher.DispatchAsync();
        var after = (await NoticesOfAsync(scenario.MeetingId, NoticeKind.AgendaPublished)).Single(n => n.Id == one.Id);
        after.Status.Should().Be(NoticeStatus.Sent);
        after.Attempts.Should().Be(3);

        using var again = await governance.PostJsonAsync($"/api/notices/{one.Id}/resend", new { version = after.Version });
        await again.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [DatabaseFact]
    public async Task ActionRaised_TellsItsOwner_AndTheDueSoonJobRunTwice_RemindsOnce()
    {
        using var scenario = await MeetingScenario.StartAsync(App);
        var owner = await scenario.Secretary.PersonNamedAsync(MeetingScenario.Nurse);
        using var raised = await scenario.Secretary.PostJsonAsync($"/api/meetings/{scenario.MeetingId}/actions",
            new { description = ApiScenario.UniqueName("Circulate the revised paper"), ownerPersonId = owner.Id, dueOn = ApiScenario.Today.AddDays(3) });
        var action = await raised.ReadJsonAsync<ActionDto>(HttpStatusCode.Created);

        (await NoticesOfAsync(action.Id, NoticeKind.ActionAssigned)).Should().ContainSingle().Which.RecipientName.Should().Be(MeetingScenario.Nurse);

        var reminders = App.Factory.Services.GetRequiredService<ActionNotices>();
        await Task.WhenAll(reminders.QueueDueSoonAsync(), reminders.QueueDueSoonAsync());
        await reminders.QueueDueSoonAsync(skipIfRunning: true);
        await Dispatcher.DispatchAsync();
        await reminders.QueueDueSoonAsync();
        await Dispatcher.DispatchAsync();

        var due = await NoticesOfAsync(action.Id, NoticeKind.ActionDueSoon);
        due.Should().ContainSingle("one reminder per action, owner and due date, however often the job runs")
            .Which.Should().Match<NoticeDto>(n => n.Status == NoticeStatus.Sent && n.RecipientName == MeetingScenario.Nurse);
    }

    [DatabaseFact]
    public async Task DraftMinutesReady_TellsTheChair_AndOnlyASecretaryMaySendIt()
    {
        using var scenario = await MeetingScenario.StartAsync(App);
        using (var started = await scenario.Secretary.PostAsync($"{scenario.Url}/minutes", null))
        {
            started.IsSuccessStatusCode.Should().BeTrue();
        }

        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        using (var refused = await member.PostAsync($"{scenario.Url}/minutes/ready-for-chair", null))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var ready = await scenario.Secretary.PostAsync($"{scenario.Url}/minutes/ready-for-chair", null);
        (await ready.ReadJsonAsync<NoticesQueuedDto>(HttpStatusCode.OK)).Queued.Should().Be(1);

        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var page = await governance.GetJsonAsync<NoticePageDto>($"/api/notices?status=Waiting");
        page.Notices.Should().Contain(n => n.Kind == NoticeKind.MinutesReadyForChair && n.RecipientName == MeetingScenario.Chair && n.Body.Contains($"/meetings/{scenario.MeetingId}/minutes"));

        using var unknown = await scenario.Secretary.PostAsync($"/api/meetings/{Guid.NewGuid()}/minutes/ready-for-chair", null);
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task EachPersonSeesTheirOwn_OnlyTheLeadSeesAll_AndAnotherOrganisationSeesNone()
    {
        using var scenario = await MeetingScenario.StartAsync(App, DateTimeOffset.UtcNow.AddDays(10));
        await PublishAsync(scenario);

        using var member = await App.CreateApiClientAsync(DemoUsers.Member);
        var mine = await member.GetJsonAsync<NoticePageDto>("/api/notices/mine");
        mine.Notices.Should().Contain(n => n.RelatedRecordId == scenario.MeetingId);
        mine.Notices.Select(n => n.RecipientName).Distinct().Should().Equal(MeetingScenario.Gp);

        using (var all = await member.GetAsync("/api/notices"))
        {
            all.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var someone = mine.Notices.First(n => n.RelatedRecordId == scenario.MeetingId);
        using (var resend = await member.PostJsonAsync($"/api/notices/{someone.Id}/resend", new { version = someone.Version }))
        {
            resend.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var admin = await App.CreateApiClientAsync(DemoUsers.Admin);
        (await admin.GetJsonAsync<NoticePageDto>($"/api/notices?relatedRecordId={scenario.MeetingId}")).Total.Should().Be(scenario.Members.Count);

        using var northfield = await App.CreateApiClientAsync(DemoUsers.NorthfieldSecretary);
        (await northfield.GetJsonAsync<NoticePageDto>("/api/notices/mine")).Notices.Should().NotContain(n => n.RelatedRecordId == scenario.MeetingId);
        using (var other = await northfield.GetAsync($"/api/notices?relatedRecordId={scenario.MeetingId}"))
        {
            other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var anonymous = App.CreateAnonymousClient();
        using var none = await anonymous.GetAsync("/api/notices/mine");
        none.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task PublishAsync(MeetingScenario scenario) =>
        await scenario.ChangeAsync("agenda/publish", new { shortNoticeReason = "Urgent item", version = scenario.Meeting.Version });

    /// <summary>The organisation's notices about one record, of one kind, as the governance lead lists them.</summary>
    private async Task<List<NoticeDto>> NoticesOfAsync(Guid recordId, NoticeKind kind)
    {
        using var governance = await App.CreateApiClientAsync(DemoUsers.Governance);
        var page = await governance.GetJsonAsync<NoticePageDto>($"/api/notices?relatedRecordId={recordId}");
        return [.. page.Notices.Where(n => n.Kind == kind)];
    }

    private async Task<T> StoredAsync<T>(Guid noticeId, System.Linq.Expressions.Expression<Func<Notice, T>> field)
    {
        await using var db = await App.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
        return await db.Notices.Where(n => n.Id == noticeId).Select(field).SingleAsync();
    }

    /// <summary>A mail server that refuses every message.</summary>
    private sealed class FailingSender : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default) =>
            throw new System.Net.Mail.SmtpException("Injected failure: the mail server refused the message.");
    }
}

public sealed class PostgresNoticeTests(PostgresAppFixture app) : NoticeTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteNoticeTests(SqliteAppFixture app) : NoticeTests(app), IClassFixture<SqliteAppFixture>;

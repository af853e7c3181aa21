using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CoCommissioning.Web.Features.Notices;
using CoCommissioning.Web.Infrastructure.Email;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api.Notices;

/// <summary>
/// Two instances of the app on one PostgreSQL database dispatch at the same moment: each notice is claimed by one of
/// them (FOR UPDATE SKIP LOCKED) and sent once (ADR-0021).
/// </summary>
public abstract class NoticeDispatchRaceTests(AppFixture app)
{
    [DatabaseFact]
    public async Task TwoInstancesDispatchingAtOnce_SendEachNoticeOnce()
    {
        var sent = new ConcurrentBag<EmailMessage>();
        var token = await app.CreateTokenAsync(DemoUsers.Secretary);
        await using var first = Instance(sent);
        await using var second = Instance(sent);
        var secretary = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        secretary.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Three meetings' agendas: about forty notices, two batches and more.
        List<Guid> meetings = [];
        for (var i = 0; i < 3; i++)
        {
            var scenario = await MeetingScenario.StartAsync(secretary, DateTimeOffset.UtcNow.AddDays(10 + i));
            await scenario.ChangeAsync("agenda/publish", new { shortNoticeReason = (string?)null, version = scenario.Meeting.Version });
            meetings.Add(scenario.MeetingId);
        }

        var rounds = await Task.WhenAll(
            first.Services.GetRequiredService<NoticeDispatcher>().DispatchAsync(),
            second.Services.GetRequiredService<NoticeDispatcher>().DispatchAsync());

        var ours = sent.Where(m => meetings.Any(id => m.Body.Contains(id.ToString(), StringComparison.Ordinal))).ToList();
        ours.Should().NotBeEmpty();
        ours.GroupBy(m => (m.To, m.Body)).Should().OnlyContain(g => g.Count() == 1, "each notice is sent by one instance, once");
        rounds.Sum(r => r.Sent).Should().Be(sent.Count);
        rounds.Should().OnlyContain(r => r.Failed == 0);
    }

    private WebApplicationFactory<Program> Instance(ConcurrentBag<EmailMessage> sent) =>
        app.Factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.AddSingleton<IEmailSender>(new CountingSender(sent))));

    private sealed class CountingSender(ConcurrentBag<EmailMessage> sent) : IEmailSender
    {
        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            // As slow as a mail server, so the two rounds overlap.
            await Task.Delay(20, cancellationToken);
            sent.Add(message);
        }
    }
}

public sealed class PostgresNoticeDispatchRaceTests(PostgresAppFixture app) : NoticeDispatchRaceTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteNoticeDispatchRaceTests(SqliteAppFixture app) : NoticeDispatchRaceTests(app), IClassFixture<SqliteAppFixture>;

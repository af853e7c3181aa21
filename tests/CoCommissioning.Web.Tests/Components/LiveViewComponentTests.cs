using Bunit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Features.Meetings.Live;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using static CoCommissioning.Web.Tests.Infrastructure.MeetingScenario;

namespace CoCommissioning.Web.Tests.Components;

/// <summary>
/// The console and the chair's view as components (bUnit), on the app's real services and database: no service is
/// faked, so what a component shows is what the services read. Changes are made through the API, as another
/// person's browser would, and the rendered view must follow through the live notices (ADR-0011, ADR-0014).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the context through IAsyncLifetime.DisposeAsync: MudBlazor's services only dispose asynchronously.")]
public abstract class LiveViewComponentTests(AppFixture app) : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);
    private readonly BunitContext bunit = new();
    private readonly List<IServiceScope> scopes = [];

    [DatabaseFact]
    public async Task ChairsView_BeforeTheFirstItem_ShowsTheAgendaAttendanceAndQuorum_AndFollowsAnArrival()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var view = await RenderAsync<ChairViewPage>(DemoUsers.Chair, meeting.MeetingId);

        view.WaitForAssertion(() => view.Find("[data-testid=agenda-overview]"), Soon);
        view.FindAll("[data-testid=agenda-overview-item]").Select(i => i.TextContent).Should().ContainSingle(t => t.Contains("Merger of Riverside and Northgate", StringComparison.Ordinal));
        view.Find("[data-testid=agenda-overview-attendance]").TextContent.Should().StartWith("Nobody recorded as present yet");
        view.Find("[data-testid=quorum-status]").GetAttribute("data-quorate").Should().Be("none");
        view.Find("[data-testid=quorum-status]").TextContent.Should().Contain("No item has been taken yet");

        await meeting.ArriveAsync(Chair, Nurse);

        view.WaitForAssertion(() => view.Find("[data-testid=agenda-overview-attendance]").TextContent.Should().StartWith("2 of ").And.Contain(Chair).And.Contain(Nurse), Soon);
        view.Find("[data-testid=agenda-overview-quorum-now]").TextContent.Should().Contain("Not quorate", "two members are not a quorum, and it says so in words");
    }

    [DatabaseFact]
    public async Task Console_AttendanceAndQuorum_FollowChangesMadeElsewhere_InWordsNotColourAlone()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        var console = await RenderAsync<MeetingConsolePage>(DemoUsers.Secretary, meeting.MeetingId);
        console.WaitForAssertion(() => console.Find("[data-testid=meeting-console]"), Soon);
        string Presence(string name) => console.Find($"[data-testid=seat][data-name='{name}'] [data-testid=presence]").TextContent;
        var before = Presence(Chair);

        await meeting.ArriveAsync(Chair);
        console.WaitForAssertion(() => Presence(Chair).Should().NotBe(before), Soon);
        await meeting.TakeItemAsync();

        console.WaitForAssertion(() => console.Find("[data-testid=quorum-status]").GetAttribute("data-quorate").Should().Be("no"), Soon);
        var status = console.Find("[data-testid=quorum-status]");
        status.TextContent.Should().Contain("Not quorate for item 1", "the verdict is in words as well as in colour");
        status.QuerySelector("svg").Should().NotBeNull("an icon says it too");
        console.Find("[data-testid=quorum-explanation]").Children.Should().NotBeEmpty();
    }

    [DatabaseFact]
    public async Task ChairsView_ForAMemberWhoDoesNotPreside_SaysSoAndOffersNoRulings()
    {
        using var meeting = await MeetingScenario.StartAsync(app);
        await meeting.ArriveAsync(Chair, Nurse, Gp, ChiefOfficer);
        await meeting.TakeItemAsync();
        var view = await RenderAsync<ChairViewPage>(DemoUsers.Member, meeting.MeetingId);

        view.WaitForAssertion(() => view.Find("[data-testid=current-item]").TextContent.Should().Contain("Item 1: Merger of Riverside and Northgate"), Soon);
        view.Markup.Should().Contain("You are not presiding over this item");
        view.FindAll("button").Select(b => b.TextContent).Should().NotContain(t => t.Contains("Confirm quorum", StringComparison.OrdinalIgnoreCase));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    public async Task DisposeAsync()
    {
        await bunit.DisposeAsync();
        foreach (var scope in scopes)
        {
            scope.Dispose();
        }
    }

    /// <summary>
    /// Renders a page as the person signed in with <paramref name="email"/>: their claims come from the app's own
    /// claims factory, the services from a scope of the running app (as a circuit has one), MudBlazor's from bUnit's
    /// JavaScript stand-in.
    /// </summary>
    private async Task<IRenderedComponent<TPage>> RenderAsync<TPage>(string email, Guid meetingId)
        where TPage : MeetingViewBase
    {
        var scope = app.Factory.Services.CreateScope();
        scopes.Add(scope);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);

        if (scopes.Count == 1)
        {
            bunit.JSInterop.Mode = JSRuntimeMode.Loose;
            bunit.Services.AddMudServices();
            bunit.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        }

        var state = Task.FromResult(new AuthenticationState(principal));
        return bunit.Render<TPage>(parameters => parameters
            .Add(p => p.MeetingId, meetingId)
            .AddCascadingValue(state));
    }
}

public sealed class PostgresLiveViewComponentTests(PostgresAppFixture app) : LiveViewComponentTests(app), IClassFixture<PostgresAppFixture>;

public sealed class SqliteLiveViewComponentTests(SqliteAppFixture app) : LiveViewComponentTests(app), IClassFixture<SqliteAppFixture>;

using System.Runtime.ExceptionServices;
using CoCommissioning.Data;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace CoCommissioning.Web.Components;

/// <summary>
/// Around the page body: a page that failed because the database is down or too busy shows that in words
/// (<see cref="PageFailure"/>) and the circuit lives on. Any other failure is rethrown from here, so it still ends the
/// circuit with Blazor's error bar, as a bug should (and as the browser tests watch for).
/// </summary>
public sealed class DatabaseOutageBoundary : ErrorBoundaryBase
{
    [Inject]
    private ILogger<DatabaseOutageBoundary> Logger { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (DatabaseOutage.Describe(exception) is not null)
        {
            Logger.LogWarning("A page failed because the database is unavailable: {Reason}", DatabaseFailures.Reason(exception));
        }

        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }

        var outage = DatabaseOutage.Describe(CurrentException);
        if (outage is null)
        {
            ExceptionDispatchInfo.Capture(CurrentException).Throw();
            return;
        }

        builder.OpenComponent<PageFailure>(1);
        builder.AddComponentParameter(2, nameof(PageFailure.Outage), outage);
        builder.CloseComponent();
    }
}

using CoCommissioning.Domain.Common;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CoCommissioning.Web.Features.Meetings.Live;

/// <summary>
/// An open view of a meeting (the console, the chair's view, a member's view). It reads the meeting through the
/// console service and re-reads it whenever <see cref="IMeetingUpdates"/> says the meeting changed, so a change
/// made in one browser shows in every other without a reload; the views of one instance refreshing for the same
/// change share one read of what all users see, each adding its own part (ADR-0014). Each action sends the version it last read of what it
/// changes: the current item's (<see cref="ItemVersion"/>) for anything at the item (declarations, rulings, likely
/// conflicts, quorum, outcome, vote), the meeting's (<see cref="MeetingVersion"/>) for the rest (attendance, the
/// current item, the exclusion). A stale one is refused and the view re-reads, so nobody's change is lost.
/// </summary>
public abstract class MeetingViewBase : PageBase, IDisposable
{
    private IDisposable? subscription;
    private CurrentUser? user;

    [Parameter]
    public Guid MeetingId { get; set; }

    [Inject]
    protected MeetingConsoleService Console { get; set; } = default!;

    [Inject]
    protected IMeetingUpdates Updates { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    protected MeetingConsoleDto? View { get; private set; }

    protected bool NotFound { get; private set; }

    /// <summary>What the last action did, or why it was refused: read out by screen readers (a live region).</summary>
    protected string? Status { get; private set; }

    protected bool StatusIsError { get; private set; }

    protected FieldErrors Errors { get; } = new();

    protected bool Busy { get; private set; }

    protected CurrentUser User => user ?? throw new InvalidOperationException("The view has not loaded yet.");

    protected override async Task OnParametersSetAsync()
    {
        user ??= await GetUserAsync();
        subscription?.Dispose();
        subscription = Updates.Subscribe(MeetingId, _ => InvokeAsync(async () =>
        {
            await LoadAsync(afterNotice: true);
            StateHasChanged();
        }));
        await ReloadAsync();
    }

    private long loadsStarted;
    private long loadShown;

    /// <summary>Reads the meeting afresh (opening, after this view's own action or a conflict).</summary>
    protected Task ReloadAsync() => LoadAsync(afterNotice: false);

    /// <summary>
    /// Reads the meeting: after a notice of a change, through the read the views of this instance share for that notice
    /// (<see cref="MeetingConsoleService.RefreshAsync"/>), else afresh.
    /// </summary>
    private async Task LoadAsync(bool afterNotice)
    {
        // Two notices close together start two reads; the older one can finish last. Only a read started after the
        // one shown may replace it, so the view never steps back to a state before a change it already showed.
        var ticket = ++loadsStarted;
        var item = View?.Meeting.CurrentItemId;
        var read = afterNotice ? await Console.RefreshAsync(User, MeetingId) : await Console.GetAsync(User, MeetingId);
        if (ticket < loadShown)
        {
            return;
        }

        loadShown = ticket;
        View = read;
        NotFound = View is null;
        if (View is not null && item is not null && View.Meeting.CurrentItemId != item)
        {
            // The meeting moved on: what the last action said was about the previous item.
            Status = null;
            Errors.Clear();
        }

        await OnReloadedAsync();
    }

    /// <summary>Lets a view reset its forms when the meeting moves on (another item taken).</summary>
    protected virtual Task OnReloadedAsync() => Task.CompletedTask;

    /// <summary>Runs an action for the signed-in user; reports success or the refusal, and re-reads after a conflict.</summary>
    protected async Task<bool> RunAsync<T>(Func<CurrentUser, Task<CommandResult<T>>> action, string done)
    {
        if (Busy)
        {
            return false;
        }

        Busy = true;
        Errors.Clear();
        try
        {
            return await ShowAsync(await action(User), done);
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>
    /// Reports what an action (run here, or in a dialog) did: <paramref name="done"/> when it succeeded, the refusal
    /// otherwise (beside its fields and in the status); re-reads after success or a conflict.
    /// </summary>
    protected async Task<bool> ShowAsync<T>(CommandResult<T> result, string done)
    {
        if (result.Succeeded)
        {
            Status = done;
            StatusIsError = false;
            await ReloadAsync();
            return true;
        }

        Errors.Show(result.Failure!);
        Status = result.Failure!.Message;
        StatusIsError = true;
        if (result.Failure.Kind == FailureKind.Conflict)
        {
            await ReloadAsync();
        }

        return false;
    }

    /// <summary>The meeting's version as this view last read it: sent with meeting-level changes (attendance, current item, exclusion).</summary>
    protected Guid MeetingVersion => View?.Meeting.Version ?? Guid.Empty;

    /// <summary>The current item's version as this view last read it: sent with every change at the item.</summary>
    protected Guid ItemVersion => View?.Current?.Item.Version ?? Guid.Empty;

    /// <summary>Turns a likely conflict into a declaration at its item, for the person presiding to rule on.</summary>
    protected Task DeclareFlagAsync(PreFlagDto flag) =>
        RunAsync(u => Console.DeclareFlagAsync(u, MeetingId, flag.ItemId, new DeclareFlagRequest(flag.MembershipId, flag.DeclarationId, null, ItemVersion)),
            $"The likely conflict of {flag.PersonName} ({flag.BodyName}) is declared: the person presiding rules on it.");

    /// <summary>
    /// Asks for the reason and dismisses a likely conflict; <paramref name="onBehalfOf"/> names the person presiding when
    /// the secretary records it for them.
    /// </summary>
    protected async Task DismissFlagAsync(PreFlagDto flag, string? onBehalfOf)
    {
        var dialog = await Dialogs.ShowAsync<DismissFlagDialog>("Dismiss likely conflict", new DialogParameters<DismissFlagDialog>
        {
            { d => d.User, User },
            { d => d.MeetingId, MeetingId },
            { d => d.Flag, flag },
            { d => d.ItemVersion, ItemVersion },
            { d => d.OnBehalfOf, onBehalfOf },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: CommandResult<MeetingDto> result })
        {
            Errors.Clear();
            await ShowAsync(result, $"The likely conflict of {flag.PersonName} ({flag.BodyName}) is dismissed; the reason is recorded.");
        }
    }

    public void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}

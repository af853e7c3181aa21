using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Components;

/// <summary>A page that acts for the signed-in user through feature services.</summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in user; pages that use this are behind a signed-in policy.</summary>
    protected async Task<CurrentUser> GetUserAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return (state is null ? null : CurrentUser.From(state.User))
            ?? throw new InvalidOperationException("This page needs a signed-in user.");
    }

    protected async Task<CurrentUser?> GetUserOrNullAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return state is null ? null : CurrentUser.From(state.User);
    }
}

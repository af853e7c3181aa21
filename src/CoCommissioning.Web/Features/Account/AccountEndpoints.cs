using CoCommissioning.Domain.Common;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Features.Account;

public sealed record MeDto(Guid UserId, string DisplayName, Guid OrganisationId, string OrganisationName, Guid? PersonId, IReadOnlyList<AppRole> Roles);

public sealed record PasswordTokenRequest(string? Email, string? Password, string? TokenName, int? ExpiresInDays);

/// <summary>Who you are, your API tokens, and the password-for-token exchange for scripts and tools.</summary>
public sealed class AccountEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var account = api.MapGroup("").WithTags("Account");

        account.MapGet("/me", Me)
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Who you are signed in as, in which organisation, with which roles");

        var tokens = account.MapGroup("/tokens").RequireAuthorization(Policies.SignedIn);

        tokens.MapGet("/", ListTokensAsync)
            .WithSummary("Your API tokens (the secrets are never shown again)");

        tokens.MapPost("/", CreateTokenAsync)
            .WithSummary("Create an API token; the response holds the token, shown this once");

        tokens.MapDelete("/{tokenId:guid}", RevokeTokenAsync)
            .WithSummary("Revoke one of your API tokens");

        // For scripts and tools: exchange a password for a token. Limited per client address (SignInRateLimiting),
        // which answers 429 before the endpoint runs; 401 and 423 are ProblemDetails the type cannot name.
        account.MapPost("/auth/token", ExchangeAsync)
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Exchange an email address and password for an API token");
    }

    private static Ok<MeDto> Me(CurrentUser user) =>
        TypedResults.Ok(new MeDto(user.UserId, user.DisplayName, user.OrganisationId, user.OrganisationName, user.PersonId, [.. user.Roles.Order()]));

    private static async Task<Ok<IReadOnlyList<ApiTokenDto>>> ListTokensAsync(CurrentUser user, ApiTokenService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(user, ct));

    private static async Task<Results<Created<CreatedApiTokenDto>, ValidationProblem>> CreateTokenAsync(
        CreateApiTokenRequest request, CurrentUser user, ApiTokenService service, CancellationToken ct) =>
        (await service.CreateAsync(user, request, ct)).TryGetValue(out var created, out var failure)
            ? TypedResults.Created($"/api/tokens/{created.Details.Id}", created)
            : ApiResults.Problem<Results<Created<CreatedApiTokenDto>, ValidationProblem>>(failure);

    private static async Task<Results<NoContent, NotFoundProblem>> RevokeTokenAsync(Guid tokenId, CurrentUser user, ApiTokenService service, CancellationToken ct) =>
        (await service.RevokeAsync(user, tokenId, ct)).TryGetFailure(out var failure)
            ? ApiResults.Problem<Results<NoContent, NotFoundProblem>>(failure)
            : TypedResults.NoContent();

    private static async Task<Results<Created<CreatedApiTokenDto>, ValidationProblem, ProblemHttpResult>> ExchangeAsync(
        [FromBody] PasswordTokenRequest request, PasswordCheck passwords, ApiTokenService service, CancellationToken ct)
    {
        // The address goes into a query: PostgreSQL cannot take a NUL as a parameter, so refuse it before looking.
        if (Text.HasUnstorableCharacter(request.Email))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [Text.Unstorable("email").Message] }, title: "The request has invalid fields.");
        }

        var check = await passwords.CheckAsync(request.Email, request.Password, "token exchange", ct);
        switch (check.Outcome)
        {
            case PasswordCheckOutcome.LockedOut:
                return TypedResults.Problem("An administrator has locked this account.", statusCode: StatusCodes.Status423Locked, title: "Account locked");
            case PasswordCheckOutcome.Failed:
                return TypedResults.Problem(PasswordCheck.FailedMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        return (await service.CreateForUserAsync(check.User!.Id, new CreateApiTokenRequest(request.TokenName ?? "API client", request.ExpiresInDays), ct))
            .TryGetValue(out var created, out var failure)
            ? TypedResults.Created($"/api/tokens/{created.Details.Id}", created)
            : ApiResults.Problem<Results<Created<CreatedApiTokenDto>, ValidationProblem, ProblemHttpResult>>(failure);
    }
}

/// <summary>Browser sign-out: a form post, so it carries the antiforgery token.</summary>
public sealed class AccountForms : ISiteEndpoints
{
    public void Map(IEndpointRouteBuilder site)
    {
        site.MapPost("/account/logout", LogoutAsync)
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    private static async Task<Results<ProblemHttpResult, RedirectHttpResult>> LogoutAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn)
    {
        // Minimal APIs validate antiforgery only for endpoints that bind a form; this one binds nothing, so a
        // cross-site post could otherwise sign a person out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem("The sign-out form has expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused");
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/account/login?signedOut=true");
    }
}

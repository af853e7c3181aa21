using CoCommissioning.Domain.Common;
using System.Security.Claims;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Features.Account;

public sealed record MeDto(Guid UserId, string DisplayName, Guid OrganisationId, string OrganisationName, Guid? PersonId, IReadOnlyList<AppRole> Roles);

public sealed record PasswordTokenRequest(string? Email, string? Password, string? TokenName, int? ExpiresInDays);

public static class AccountEndpoints
{
    /// <summary>Browser sign-out: a form post, so it carries the antiforgery token.</summary>
    public static void MapAccountFormEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ApplicationUser> signIn) =>
            {
                // Minimal APIs validate antiforgery only for endpoints that bind a form; this one binds nothing, so a
                // cross-site post could otherwise sign a person out.
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.Problem("The sign-out form has expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest, title: "Sign-out refused");
                }

                await signIn.SignOutAsync();
                return Results.LocalRedirect("~/account/login?signedOut=true");
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    public static void MapAccountApiEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal principal) =>
            {
                var user = CurrentUser.Require(principal);
                return TypedResults.Ok(new MeDto(user.UserId, user.DisplayName, user.OrganisationId, user.OrganisationName, user.PersonId, [.. user.Roles.Order()]));
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Account")
            .WithSummary("Who you are signed in as, in which organisation, with which roles");

        var tokens = api.MapGroup("/tokens").WithTags("Account").RequireAuthorization(Policies.SignedIn);

        tokens.MapGet("/", async (ClaimsPrincipal principal, ApiTokenService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("Your API tokens (the secrets are never shown again)");

        tokens.MapPost("/", async (CreateApiTokenRequest request, ClaimsPrincipal principal, ApiTokenService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(CurrentUser.Require(principal), request, ct), t => Results.Created($"/api/tokens/{t.Details.Id}", t)))
            .Produces<CreatedApiTokenDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Create an API token; the response holds the token, shown this once");

        tokens.MapDelete("/{tokenId:guid}", async (Guid tokenId, ClaimsPrincipal principal, ApiTokenService service, CancellationToken ct) =>
                ApiResults.From(await service.RevokeAsync(CurrentUser.Require(principal), tokenId, ct), Results.NoContent))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke one of your API tokens");

        // For scripts and tools: exchange a password for a token. Limited per client address (SignInRateLimiting).
        api.MapPost("/auth/token", async ([FromBody] PasswordTokenRequest request, PasswordCheck passwords, ApiTokenService service, CancellationToken ct) =>
            {
                // The address goes into a query: PostgreSQL cannot take a NUL as a parameter, so refuse it before looking.
                if (Text.HasUnstorableCharacter(request.Email))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [Text.Unstorable("email").Message] }, title: "The request has invalid fields.");
                }

                var check = await passwords.CheckAsync(request.Email, request.Password, "token exchange", ct);
                switch (check.Outcome)
                {
                    case PasswordCheckOutcome.LockedOut:
                        return Results.Problem("An administrator has locked this account.", statusCode: StatusCodes.Status423Locked, title: "Account locked");
                    case PasswordCheckOutcome.Failed:
                        return Results.Problem(PasswordCheck.FailedMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
                }

                var created = await service.CreateForUserAsync(check.User!.Id, new CreateApiTokenRequest(request.TokenName ?? "API client", request.ExpiresInDays), ct);
                return ApiResults.From(created, t => Results.Created($"/api/tokens/{t.Details.Id}", t));
            })
            .AllowAnonymous()
            .WithTags("Account")
            .Produces<CreatedApiTokenDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Exchange an email address and password for an API token");
    }
}

using System.Security.Claims;
using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        // Governance leads and administrators of the organisation; another organisation's entries are never seen.
        var audit = api.MapGroup("/audit").WithTags("Audit trail").RequireAuthorization(Policies.GovernanceLead);

        audit.MapGet("/", async (string? recordId, Guid? userId, string? recordType, Guid? personId, DateOnly? from, DateOnly? to, string? q, int? page, int? pageSize, ClaimsPrincipal principal, AuditService service, CancellationToken ct) =>
            {
                var query = new AuditQuery(recordId, userId, recordType, page ?? 1, pageSize ?? 50, personId, from, to, q);
                return AuditFilters.Check(query) is { } errors
                    ? Results.ValidationProblem(errors)
                    : Results.Ok(await service.QueryAsync(CurrentUser.Require(principal), query, ct));
            })
            .Produces<AuditPageDto>()
            .ProducesValidationProblem()
            .WithSummary("The audit trail of your organisation, newest first, each entry in words (summary, fields) with the raw changes; filtered by record (and its parts), who made the change (userId), whose record it is (personId), kind of record, UK dates from/to (inclusive, yyyy-MM-dd) and free text (q); paged in the database");

        audit.MapGet("/export.csv", async (string? recordId, Guid? userId, string? recordType, Guid? personId, DateOnly? from, DateOnly? to, string? q, ClaimsPrincipal principal, HttpContext http, AuditService service, CancellationToken ct) =>
            {
                var query = new AuditQuery(recordId, userId, recordType, 1, AuditService.MaxPageSize, personId, from, to, q);
                if (AuditFilters.Check(query) is { } errors)
                {
                    return Results.ValidationProblem(errors);
                }

                var user = CurrentUser.Require(principal);
                return Results.Stream(body => service.WriteCsvAsync(user, query, body, ct), "text/csv; charset=utf-8", "audit-trail.csv");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .WithSummary($"The filtered audit trail as CSV (the same filters as the list, newest first, at most 100,000 rows): when (UK time), who, action, kind, the entry in words, record id and the raw changes");

        audit.MapGet("/actors", async (ClaimsPrincipal principal, AuditService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ActorsAsync(CurrentUser.Require(principal), ct)))
            .WithSummary("The people who have changed records, for filtering");

        audit.MapGet("/kinds", () => TypedResults.Ok(AuditService.Kinds()))
            .WithSummary("The kinds of record the audit trail names, in words, for filtering (recordType)");
    }
}

/// <summary>The filters' own checks: 400 naming the field.</summary>
public static class AuditFilters
{
    public const int TextMaxLength = 200;

    public static Dictionary<string, string[]>? Check(AuditQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.From is { } from && query.To is { } to && from > to)
        {
            errors["to"] = ["The end of the date range must be on or after its start."];
        }

        if (query.Text?.Length > TextMaxLength)
        {
            errors["q"] = [$"The search text must be {TextMaxLength} characters or fewer."];
        }

        return errors.Count == 0 ? null : errors;
    }
}

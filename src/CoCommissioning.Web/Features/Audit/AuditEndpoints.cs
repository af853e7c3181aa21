using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.Audit;

public sealed class AuditEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        // Governance leads and administrators of the organisation; another organisation's entries are never seen.
        var audit = api.MapGroup("/audit").WithTags("Audit trail").RequireAuthorization(Policies.GovernanceLead);

        audit.MapGet("/", QueryAsync)
            .WithSummary("The audit trail of your organisation, newest first, each entry in words (summary, fields) with the raw changes; filtered by record (and its parts), who made the change (userId), whose record it is (personId), kind of record, UK dates from/to (inclusive, yyyy-MM-dd) and free text (q); paged in the database");

        audit.MapGet("/export.csv", Export)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary($"The filtered audit trail as CSV (the same filters as the list, newest first, at most 100,000 rows): when (UK time), who, action, kind, the entry in words, record id and the raw changes");

        audit.MapGet("/actors", ActorsAsync)
            .WithSummary("The people who have changed records, for filtering");

        audit.MapGet("/kinds", Kinds)
            .WithSummary("The kinds of record the audit trail names, in words, for filtering (recordType)");
    }

    private static async Task<Results<Ok<AuditPageDto>, ValidationProblem>> QueryAsync(
        string? recordId, Guid? userId, string? recordType, Guid? personId, DateOnly? from, DateOnly? to, string? q, int? page, int? pageSize,
        CurrentUser user, AuditService service, CancellationToken ct)
    {
        var query = new AuditQuery(recordId, userId, recordType, page ?? 1, pageSize ?? 50, personId, from, to, q);
        return AuditFilters.Check(query) is { } errors
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await service.QueryAsync(user, query, ct));
    }

    private static Results<PushStreamHttpResult, ValidationProblem> Export(
        string? recordId, Guid? userId, string? recordType, Guid? personId, DateOnly? from, DateOnly? to, string? q,
        CurrentUser user, AuditService service, CancellationToken ct)
    {
        var query = new AuditQuery(recordId, userId, recordType, 1, AuditService.MaxPageSize, personId, from, to, q);
        return AuditFilters.Check(query) is { } errors
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Stream(body => service.WriteCsvAsync(user, query, body, ct), "text/csv; charset=utf-8", "audit-trail.csv");
    }

    private static async Task<Ok<IReadOnlyList<AuditActorDto>>> ActorsAsync(CurrentUser user, AuditService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ActorsAsync(user, ct));

    private static Ok<IReadOnlyList<AuditKindDto>> Kinds() => TypedResults.Ok(AuditService.Kinds());
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

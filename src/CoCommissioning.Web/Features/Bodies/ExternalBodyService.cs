using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Bodies;

public sealed record BodyDto(Guid Id, string Name, BodyKind Kind, string? Code, Guid Version);

public sealed record BodyRequest(string? Name, BodyKind Kind, string? Code);

public sealed record UpdateBodyRequest(string? Name, BodyKind Kind, string? Code, Guid Version);

/// <summary>The practices, PCNs, federations, suppliers and other bodies that interests concern.</summary>
public sealed class ExternalBodyService(GovernanceDbFactory dbs, ILogger<ExternalBodyService> logger)
{
    public const string DuplicateMessage = "Your organisation's list already has a body of this kind with this name: pick it from the list.";

    /// <summary>A lost race on the one-name-per-kind index, as a message on the form's <paramref name="field"/>.</summary>
    public static IReadOnlyDictionary<string, Failure> DuplicateName(string field) =>
        new Dictionary<string, Failure> { [UniqueIndexes.OneBodyName] = Failure.Validation(field, DuplicateMessage) };

    public async Task<IReadOnlyList<BodyDto>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await db.ExternalBodies.AsNoTracking()
            .Where(b => b.OrganisationId == user.OrganisationId)
            .OrderBy(b => b.Name)
            .Select(b => new BodyDto(b.Id, b.Name, b.Kind, b.Code, b.Version))
            .ToListAsync(ct);
    }

    public async Task<BodyDto?> GetAsync(CurrentUser user, Guid bodyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var body = await db.ExternalBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId && b.OrganisationId == user.OrganisationId, ct);
        return body is null ? null : ToDto(body);
    }

    public async Task<CommandResult<BodyDto>> CreateAsync(CurrentUser user, BodyRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var added = await AddAsync(db, user.OrganisationId, request.Name, request.Kind, request.Code, "name", ct);
        if (!added.TryGetValue(out var body, out var failure))
        {
            return failure;
        }

        // Someone added the same body between our check and our save: the unique index refuses the second.
        if (await Saving.SaveAsync(db, "body", ct, DuplicateName("name")) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Body {BodyId} added by {UserId}", body.Id, user.UserId);
        return CommandResult<BodyDto>.Success(ToDto(body));
    }

    public async Task<CommandResult<BodyDto>> UpdateAsync(CurrentUser user, Guid bodyId, UpdateBodyRequest request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var body = await db.ExternalBodies.SingleOrDefaultAsync(b => b.Id == bodyId && b.OrganisationId == user.OrganisationId, ct);
        if (body is null)
        {
            return Failure.NotFound("The body");
        }

        if (body.Version != request.Version)
        {
            return Failure.Conflict("body");
        }

        var updated = body.Update(request.Name, request.Kind, request.Code);
        if (updated.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (await IsDuplicateAsync(db, user.OrganisationId, body.Kind, body.Name, body.Id, ct))
        {
            return Failure.Validation("name", DuplicateMessage);
        }

        if (await Saving.SaveAsync(db, "body", ct, DuplicateName("name")) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Body {BodyId} updated by {UserId}", body.Id, user.UserId);
        return CommandResult<BodyDto>.Success(ToDto(body));
    }

    /// <summary>
    /// Adds a body to the organisation's list in the caller's context (not saved), refusing a duplicate of kind and
    /// name. Declaring an interest uses this too, so a member can add the body they need without leaving the form;
    /// <paramref name="nameField"/> is the request property the name came from.
    /// </summary>
    internal static async Task<CommandResult<ExternalBody>> AddAsync(
        AppDbContext db, Guid organisationId, string? name, BodyKind kind, string? code, string nameField, CancellationToken ct)
    {
        var created = ExternalBody.Create(organisationId, name, kind, code);
        if (!created.TryGetValue(out var body, out var failure))
        {
            return Renamed(failure, "name", nameField);
        }

        if (await IsDuplicateAsync(db, organisationId, kind, body.Name, null, ct))
        {
            return Failure.Validation(nameField, DuplicateMessage);
        }

        db.ExternalBodies.Add(body);
        return created;
    }

    /// <summary>A failure with one field renamed to the request property the value came from.</summary>
    internal static Failure Renamed(Failure failure, string from, string to) =>
        failure.Kind != FailureKind.Validation || from == to || !failure.FieldErrors.ContainsKey(from)
            ? failure
            : failure with { FieldErrors = failure.FieldErrors.ToDictionary(kv => kv.Key == from ? to : kv.Key, kv => kv.Value) };

    // In SQL, ToLower() becomes lower(): the analyzers' culture advice is about .NET strings, not this query.
#pragma warning disable CA1304, CA1311, CA1862
    private static Task<bool> IsDuplicateAsync(AppDbContext db, Guid organisationId, BodyKind kind, string name, Guid? except, CancellationToken ct) =>
        // "riverside surgery" and "Riverside Surgery" are one practice: compare without case (lower() in SQL).
        db.ExternalBodies.AnyAsync(b => b.OrganisationId == organisationId && b.Kind == kind && b.Name.ToLower() == name.ToLower() && b.Id != except, ct);
#pragma warning restore CA1304, CA1311, CA1862

    private static BodyDto ToDto(ExternalBody b) => new(b.Id, b.Name, b.Kind, b.Code, b.Version);
}

namespace CoCommissioning.Web.Features.OpenData;

// The records below are written with snake_case names (Popolo, Open Civic Data and the registers) or camelCase names
// (OCDS), by OpenDataJson. Null members are left out. The JSON Schemas in OpenData/Schemas are the contract: a test
// validates every document the demo organisation publishes against them (ADR-0026).

/// <summary>
/// One page of a dataset (Popolo, Open Civic Data, registers). <see cref="Next"/> is the next page's address (with the
/// same <c>page_size</c> and <c>updated_since</c>), null on the last page; <see cref="Total"/> counts every record the
/// request matches.
/// </summary>
public sealed record OpenDataDocument<T>(
    string Dataset,
    string Standard,
    string Schema,
    string Licence,
    string Publisher,
    DateTimeOffset GeneratedAt,
    DateTimeOffset? UpdatedSince,
    int Page,
    int PageSize,
    int Total,
    string? Next,
    IReadOnlyList<T> Results);

public sealed record OpenLink(string Url, string? Note = null);

public sealed record OpenIdentifier(string Identifier, string Scheme);

// --- Popolo (https://www.popoloproject.com/specs/) ---------------------------------------------------------------

/// <summary>
/// The organisation (classification "commissioner") and each committee (classification "committee", with
/// <see cref="ParentId"/> the organisation).
/// </summary>
public sealed record PopoloOrganization(
    string Id,
    string Name,
    string Classification,
    string? ParentId,
    string? Description,
    IReadOnlyList<OpenIdentifier> Identifiers,
    IReadOnlyList<OpenLink> Links);

/// <summary>A current committee member: the name only (never an email address, a job title or a deputy).</summary>
public sealed record PopoloPerson(string Id, string Name, IReadOnlyList<OpenLink> Links);

/// <summary>A seat on a committee: chair, vice chair, voting member, non-voting attendee.</summary>
public sealed record PopoloPost(string Id, string Label, string Role, string OrganizationId);

/// <summary>A person holding a post on a committee, from the start of their term to its end (when set).</summary>
public sealed record PopoloMembership(
    string Id,
    string PersonId,
    string OrganizationId,
    string PostId,
    string Role,
    string? Label,
    DateOnly StartDate,
    DateOnly? EndDate);

/// <summary>A decision on a public item as a motion: its resolution, the committee, the date and the result.</summary>
public sealed record PopoloMotion(
    string Id,
    string OrganizationId,
    string LegislativeSessionId,
    string Text,
    string Classification,
    DateTimeOffset Date,
    string Result,
    IReadOnlyList<OpenLink> Sources);

/// <summary>A counted vote on a motion: the totals only (the public minutes publish no member's vote).</summary>
public sealed record PopoloVoteEvent(
    string Id,
    string MotionId,
    string OrganizationId,
    string LegislativeSessionId,
    DateTimeOffset StartDate,
    string Result,
    IReadOnlyList<PopoloCount> Counts);

public sealed record PopoloCount(string Option, int Value);

// --- Open Civic Data events (OCDEP 4) --------------------------------------------------------------------------

/// <summary>A meeting whose agenda has been published, with the public items only.</summary>
public sealed record OcdEvent(
    string Id,
    string Name,
    string Classification,
    DateTimeOffset StartDate,
    DateTimeOffset? EndDate,
    string Timezone,
    bool AllDay,
    string Status,
    string? Description,
    OcdLocation? Location,
    IReadOnlyList<OcdParticipant> Participants,
    IReadOnlyList<OcdAgendaItem> Agenda,
    IReadOnlyList<OcdDocument> Documents,
    IReadOnlyList<OcdDocument> Media,
    IReadOnlyList<OpenLink> Links,
    IReadOnlyList<OpenLink> Sources);

public sealed record OcdLocation(string Name, string? Note, string? Url);

public sealed record OcdParticipant(string EntityType, string EntityId, string EntityName, string Note);

public sealed record OcdAgendaItem(
    string Id,
    string Order,
    string Description,
    string Classification,
    IReadOnlyList<string> Notes,
    IReadOnlyList<OcdRelatedEntity> RelatedEntities,
    IReadOnlyList<OcdDocument> Media);

public sealed record OcdRelatedEntity(string EntityType, string EntityId, string EntityName, string Note);

public sealed record OcdDocument(string Note, DateTimeOffset? Date, IReadOnlyList<OcdMediaLink> Links);

public sealed record OcdMediaLink(string MediaType, string Url);

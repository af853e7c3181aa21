using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.Declarations;
using CoCommissioning.Web.Features.GiftsAndHospitality;
using CoCommissioning.Web.Features.Procurement;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>The four registers an organisation publishes.</summary>
public enum PublicRegister
{
    Interests,
    Gifts,
    Procurement,
    Breaches,
}

/// <summary>
/// What a visitor searched for. The same filter drives the page, the CSV and the JSON, so a download holds exactly
/// the rows the page listed (all pages of them).
/// </summary>
/// <param name="Query">Free text matched against person, organisation and nature (or the register's own text columns).</param>
/// <param name="Category">Interests: an <see cref="InterestCategory"/> name; gifts: Gift or Hospitality; procurement: a route.</param>
/// <param name="From">Only entries on or after this date (the register's main date; for interests, still running on it).</param>
/// <param name="To">Only entries on or before this date.</param>
public sealed record PublicRegisterFilter(string? Query = null, string? Category = null, DateOnly? From = null, DateOnly? To = null)
{
    public const int MaxQueryLength = 200;

    public string? CleanQuery => string.IsNullOrWhiteSpace(Query) ? null : Query.Trim() is { Length: > MaxQueryLength } q ? q[..MaxQueryLength] : Query.Trim();

    public TEnum? CategoryAs<TEnum>()
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(Category, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
}

public sealed record PublicOrganisationSummary(Guid Id, string Slug, string Name);

/// <summary>One page of a register, with what the page needs to draw its pagination.</summary>
public sealed record PublicRegisterPage<TRow>(PublicOrganisationSummary Organisation, IReadOnlyList<TRow> Rows, int Page, int PageSize, int TotalRows, DateOnly Today)
{
    public int PageCount => Math.Max(1, (TotalRows + PageSize - 1) / PageSize);
}

/// <summary>
/// A published interest of a decision-maker. No ids: the register names people, it does not index them.
/// <see cref="Category"/> is in the words the staff pages use; <see cref="CategoryCode"/> is the stable name the
/// <c>category</c> filter takes. The mitigation the member proposed and the one the governance lead agreed on review are kept apart: neither
/// stands in for the other.
/// </summary>
public sealed record PublicInterestRow(
    string Person,
    string Positions,
    InterestCategory CategoryCode,
    bool IsDirect,
    string? Relationship,
    string? Organisation,
    string Nature,
    DateOnly From,
    DateOnly? To,
    string? ProposedMitigation,
    string? AgreedMitigation,
    DateOnly DeclaredOn,
    DateOnly ReviewedOn,
    string? ReviewedBy)
{
    public string Category => DeclarationLabels.Of(CategoryCode);
}

/// <summary>A published gift or hospitality entry: <see cref="Kind"/> and <see cref="Outcome"/> in words, beside their codes.</summary>
public sealed record PublicGiftRow(
    string Person,
    string? Position,
    OfferKind KindCode,
    string Description,
    string Offeror,
    string? OfferorBusiness,
    decimal EstimatedValue,
    DateOnly OfferedOn,
    DateOnly? ReceivedOn,
    OfferOutcome OutcomeCode,
    string? Reason,
    DateOnly DeclaredOn,
    DateOnly ReviewedOn)
{
    public string Kind => GiftLabels.Of(KindCode);

    public string Outcome => GiftLabels.Of(OutcomeCode);
}

/// <summary>
/// A procurement decision: <see cref="Route"/> in words, beside its code, with the PSR fields (ADR-0023).
/// <see cref="ConflictsDeclaredAtMeeting"/>: the conflicts were declared at the meeting the record is linked to and are shown
/// on the decision's own page (<see cref="Id"/>), read from the meeting under its publication rule.
/// </summary>
public sealed record PublicProcurementRow(
    Guid Id,
    string Title,
    string Service,
    ProcurementRoute RouteCode,
    DateOnly DecidedOn,
    string? Committee,
    string? Supplier,
    decimal? ContractValue,
    DateOnly? ContractStartsOn,
    DateOnly? ContractEndsOn,
    string? ConflictsNoted,
    string? ConflictsManagement,
    string? CpvCode,
    string? ProviderAddress,
    DateOnly? StandstillEndsOn,
    DateOnly? AwardedOn,
    string? NoticeReference,
    bool ConflictsDeclaredAtMeeting)
{
    public string Route => ProcurementLabels.Of(RouteCode);
}

/// <summary>
/// One procurement decision's public page: the row, the reasons against the key criteria, the representations, and
/// who decided with the conflicts and how they were managed. For a decision made at a meeting these come from the
/// meeting item: names and interests only when the item is public on a published agenda, otherwise the committee
/// and the counted summary (ADR-0023).
/// </summary>
public sealed record PublicProcurementDetail(
    PublicOrganisationSummary Organisation,
    PublicProcurementRow Row,
    PsrDetails Psr,
    string? MadeAt,
    IReadOnlyList<PsrDecisionMakerDto> DecisionMakers,
    string? DecisionMakersNote,
    IReadOnlyList<PsrConflictDto> Conflicts,
    string? ConflictsSummary);

/// <summary>A breach as the public sees it: never the internal description, never the person.</summary>
public sealed record PublicBreachRow(DateOnly IdentifiedOn, string PublicSummary, string ActionTaken);

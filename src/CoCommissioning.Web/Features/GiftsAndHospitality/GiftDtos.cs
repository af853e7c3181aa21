using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

public sealed record GiftDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    OfferKind Kind,
    string Description,
    string OfferorName,
    string? OfferorBusiness,
    OfferorKind OfferorKind,
    Guid? OfferorBodyId,
    decimal EstimatedValue,
    bool IsCashOrVoucher,
    bool IsLowCostBrandedItem,
    DateOnly OfferedOn,
    DateOnly? ReceivedOn,
    OfferOutcome Outcome,
    string? Reason,
    string? ApprovedBy,
    OfferAdvice Advice,
    string AdviceReason,
    decimal ValueCounted,
    DateOnly DeclaredOn,
    ReviewStatus Status,
    string? ReviewComment,
    DateOnly? ReviewedOn,
    string? ReviewedByName,
    bool Withheld,
    string? WithheldReason,
    Guid Version);

/// <summary>
/// An offer as the recipient describes it. <see cref="PersonId"/> may be left out: it can only be the caller's own.
/// The same shape asks for advice before saving (only the fields the advice needs are checked then).
/// </summary>
public sealed record OfferRequest(
    Guid? PersonId,
    OfferKind? Kind,
    string? Description,
    string? OfferorName,
    string? OfferorBusiness,
    OfferorKind? OfferorKind,
    Guid? OfferorBodyId,
    decimal? EstimatedValue,
    bool IsCashOrVoucher,
    bool IsLowCostBrandedItem,
    DateOnly? OfferedOn,
    DateOnly? ReceivedOn,
    OfferOutcome? Outcome,
    string? Reason,
    string? ApprovedBy);

/// <summary>The guidance's advice for an offer, and the value it counted (with the same source's earlier gifts).</summary>
public sealed record AdviceDto(OfferAdvice Advice, string Summary, string Reason, decimal ValueCounted, int EarlierGiftsCounted);

public sealed record VersionRequest(Guid Version);

public sealed record RequestChangesRequest(string? Comment, Guid Version);

public sealed record WithholdRequest(string? Reason, Guid Version);

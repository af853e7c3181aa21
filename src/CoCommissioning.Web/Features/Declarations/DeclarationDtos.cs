using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;

namespace CoCommissioning.Web.Features.Declarations;

/// <summary>What one version of a declaration says, with the name of the body it concerns.</summary>
public sealed record InterestDetailsDto(
    InterestCategory Category,
    bool IsDirect,
    string? Relationship,
    Guid? ConcernsBodyId,
    string? ConcernsBodyName,
    string Nature,
    DateOnly From,
    DateOnly? To,
    string? Mitigation);

/// <summary>One version of a declaration. A nil return's only version has no details.</summary>
public sealed record DeclarationVersionDto(int Number, DateOnly DeclaredOn, bool IsLate, InterestDetailsDto? Details);

/// <summary>
/// A declaration with its review and every version, newest first. The withholding reason is internal: a member
/// reading their own declarations sees that an entry is withheld, not why.
/// </summary>
public sealed record DeclarationDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    DeclarationKind Kind,
    ReviewStatus Status,
    string? ReviewComment,
    string? AgreedMitigation,
    DateOnly? ReviewedOn,
    string? ReviewedByName,
    bool Withheld,
    WithholdingGround? WithholdingGround,
    string? WithheldReason,
    bool WithholdingApprovedByGuardian,
    DateOnly DeclaredOn,
    bool IsLate,
    InterestDetailsDto? Details,
    IReadOnlyList<DeclarationVersionDto> Versions,
    Guid Version);

/// <summary>One row of the register of interests as the governance lead reads it.</summary>
public sealed record RegisterEntryDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    IReadOnlyList<string> Positions,
    DeclarationKind Kind,
    InterestCategory? Category,
    bool? IsDirect,
    string? BodyName,
    string? Nature,
    DateOnly? From,
    DateOnly? To,
    DateOnly DeclaredOn,
    int VersionCount,
    bool IsLate,
    ReviewStatus Status,
    bool Withheld,
    Guid Version);

/// <summary>
/// Declares an interest. Give <c>concernsBodyId</c> (a body of your organisation's list) or <c>newBodyName</c> and
/// <c>newBodyKind</c> to add the body as you declare, or neither for an interest that concerns no listed body.
/// <c>personId</c> may be left out; if given it must be your own.
/// </summary>
public sealed record DeclareInterestRequest(
    Guid? PersonId,
    InterestCategory Category,
    bool IsDirect,
    string? Relationship,
    Guid? ConcernsBodyId,
    string? NewBodyName,
    BodyKind? NewBodyKind,
    string? Nature,
    DateOnly? From,
    DateOnly? To,
    string? Mitigation);

public sealed record NilReturnRequest(Guid? PersonId);

/// <summary>A correction or change: a new version, judged late against <c>changedOn</c> (the day it changed).</summary>
public sealed record CorrectDeclarationRequest(
    InterestCategory Category,
    bool IsDirect,
    string? Relationship,
    Guid? ConcernsBodyId,
    string? NewBodyName,
    BodyKind? NewBodyKind,
    string? Nature,
    DateOnly? From,
    DateOnly? To,
    string? Mitigation,
    DateOnly? ChangedOn,
    Guid Version);

public sealed record EndDeclarationRequest(DateOnly? LastDay, Guid Version);

public sealed record AcceptDeclarationRequest(string? AgreedMitigation, Guid Version);

public sealed record RequestChangesRequest(string? Comment, Guid Version);

/// <summary>
/// Withholds an entry from the public register. Where the organisation names a Conflicts of Interest Guardian,
/// <c>guardianApproved</c> records that they approved it, and is required.
/// </summary>
public sealed record WithholdDeclarationRequest(WithholdingGround Ground, string? Reason, bool GuardianApproved, Guid Version);

public sealed record PublishDeclarationRequest(Guid Version);

/// <summary>Filters for the register: all optional; <c>q</c> searches person, body and nature.</summary>
public sealed record RegisterQuery(ReviewStatus? Status, Guid? PersonId, bool? Late, string? Q);

/// <summary>The organisation's Conflicts of Interest Guardian, if it names one.</summary>
public sealed record GuardianDto(Guid PersonId, string FullName);

/// <summary>What the review dialog did, for the register page's message.</summary>
public sealed record ReviewOutcome(string Message, bool Stale);

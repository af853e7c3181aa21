using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Web.Features.Committees;

public sealed record RoleDto(Guid Id, string Name, RoleClassification Classification, bool IsActive);

public sealed record CommitteeSummaryDto(Guid Id, string Name, CommitteeType Type, CoCommissioningLevel Level, int CurrentMembers, string? ChairName);

public sealed record MembershipDto(
    Guid Id,
    Guid PersonId,
    string PersonName,
    IReadOnlyList<RoleDto> Roles,
    bool IsVoting,
    DateOnly TermStart,
    DateOnly? TermEnd,
    bool IsCurrent,
    CommitteeOffice Office,
    Guid? DeputyPersonId,
    string? DeputyName);

/// <summary>A committee with its memberships. Send <see cref="Version"/> back with any change.</summary>
public sealed record CommitteeDto(
    Guid Id,
    string Name,
    CommitteeType Type,
    CoCommissioningLevel Level,
    string? Purpose,
    Guid Version,
    IReadOnlyList<MembershipDto> Memberships,
    IReadOnlyList<CompositionWarning> Warnings,
    string? QuorumInWords);

public sealed record CreateCommitteeRequest(string? Name, CommitteeType Type, CoCommissioningLevel Level, string? Purpose);

public sealed record UpdateCommitteeRequest(string? Name, CommitteeType Type, CoCommissioningLevel Level, string? Purpose, Guid Version);

public sealed record AddMembershipRequest(Guid PersonId, IReadOnlyList<Guid>? RoleIds, bool IsVoting, DateOnly? TermStart, DateOnly? TermEnd, Guid? DeputyPersonId, Guid Version);

public sealed record ChangeMembershipRequest(IReadOnlyList<Guid>? RoleIds, bool IsVoting, DateOnly? TermStart, DateOnly? TermEnd, Guid? DeputyPersonId, Guid Version);

public sealed record EndMembershipRequest(DateOnly? LastDay, Guid Version);

public sealed record AppointOfficeRequest(Guid MembershipId, CommitteeOffice Office, Guid Version);

public sealed record VacateOfficeRequest(CommitteeOffice Office, Guid Version);

public sealed record CreateRoleRequest(string? Name, RoleClassification Classification);

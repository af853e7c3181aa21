using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Quorum;

namespace CoCommissioning.Web.Features.Decisions;

public sealed record VoteRequest(Guid MembershipId, VoteChoice Choice);

/// <summary>Record a vote on an item: every vote cast, the casting vote on a tie, and who presides if the chair and vice chair cannot.</summary>
/// <see cref="Version"/>, when given, is the item's as the secretary saw it: a decision recorded meanwhile makes it a 409.
public sealed record RecordVoteRequest(string? Resolution, IReadOnlyList<VoteRequest>? Votes, VoteChoice? CastingVote, Guid? ChosenToPreside, Guid? Version = null);

public sealed record RecordConsensusRequest(string? Resolution, Guid? ChosenToPreside, Guid? Version = null);

/// <summary>Quorum and eligibility for an item as it stands now: what the console and chair's view show.</summary>
public sealed record ItemStatusDto(Guid ItemId, DateTimeOffset At, VerdictDto Verdict, IReadOnlyList<VoterEligibility> Eligibility, string Presiding, IReadOnlyList<string> InquorateOptions);

/// <summary>The chair's choice for an inquorate item: defer (to when), refer (to whom) or co-opt (whom).</summary>
public sealed record InquorateResolutionRequest(InquorateAction Action, string? Detail, Guid? Version = null);

public sealed record InquorateResolutionDto(Guid Id, Guid ItemId, InquorateAction Action, string Detail, string QuorumExplanation, DateTimeOffset RecordedAt);

/// <summary>Whether each item is expected to be quorate, from the apologies received and the conflicts already ruled on.</summary>
public sealed record ItemForecastDto(Guid ItemId, string Number, string Title, VerdictDto Verdict);

public sealed record MeetingForecastDto(Guid MeetingId, IReadOnlyList<string> ExpectedAbsent, IReadOnlyList<ItemForecastDto> Items);

using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Quorum;

/// <summary>One member's situation in a what-if: there or not (or their deputy), and any conflict ruling.</summary>
public sealed record WhatIfAttendee(Guid MembershipId, Presence Presence, ConflictRuling Ruling);

/// <summary>Pick who attends and who is conflicted; members not listed are taken as absent.</summary>
public sealed record WhatIfRequest(DateOnly? Date, IReadOnlyList<WhatIfAttendee>? Attendance, Guid? ChosenToPreside);

public sealed record SeatDto(Guid MembershipId, Guid PersonId, string Name, string Roles, bool IsVoting, string Office, string? DeputyName);

public sealed record RequirementOutcomeDto(string Description, int AtLeast, IReadOnlyList<string> FilledBy, IReadOnlyList<string> WhyNotOthers, bool IsMet);

public sealed record VerdictDto(bool IsQuorate, string Explanation, IReadOnlyList<string> Lines, int Counted, int MinimumPresent, IReadOnlyList<RequirementOutcomeDto> Requirements);

public sealed record WhatIfResultDto(
    DateOnly Date,
    string QuorumInWords,
    IReadOnlyList<SeatDto> Seats,
    VerdictDto Verdict,
    IReadOnlyList<VoterEligibility> Eligibility,
    string Presiding);

/// <summary>
/// The what-if checker: the decision service's quorum and eligibility rules applied to an attendance someone
/// describes, against the ToR in force on the date. Nothing is saved.
/// </summary>
public sealed class WhatIfService(GovernanceDbFactory dbs, TimeProvider clock)
{
    public async Task<CommandResult<WhatIfResultDto>> EvaluateAsync(CurrentUser user, Guid committeeId, WhatIfRequest request, CancellationToken ct = default)
    {
        if (request.Attendance?.Any(a => a is null) == true)
        {
            return Failure.Validation("attendance", "Each attendee names a member: the attendance includes an empty one.");
        }

        if (Dates.Check("date", request.Date) is { } badDate)
        {
            return badDate;
        }

        var date = request.Date ?? clock.Today();
        await using var db = await dbs.CreateForReadingAsync(ct);
        var snapshot = await CommitteeSnapshot.LoadAsync(db, user.OrganisationId, committeeId, date, ct);
        if (snapshot is null)
        {
            return Failure.NotFound("The committee");
        }

        var tor = snapshot.Terms;
        if (tor is null)
        {
            return Failure.Rule($"This committee has no terms of reference in force on {date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}: adopt them before checking quorum.");
        }

        var seats = snapshot.Seats;
        var attendance = request.Attendance ?? [];
        var unknown = attendance.Select(a => a.MembershipId).Except(seats.Select(s => s.MembershipId)).ToList();
        if (unknown.Count > 0)
        {
            return Failure.Validation("attendance", "Some of the people listed are not members of this committee on that date.");
        }

        string? DeputyOf(Guid membershipId) => snapshot.DeputyNameFor(membershipId);

        var noDeputy = attendance.FirstOrDefault(a => a.Presence == Presence.DeputyPresent && DeputyOf(a.MembershipId) is null);
        if (noDeputy is not null)
        {
            var name = seats.Single(s => s.MembershipId == noDeputy.MembershipId).Name;
            return Failure.Validation("attendance", $"{name} has no named deputy to attend in their place.");
        }

        var atItem = seats.Select(seat =>
        {
            var given = attendance.FirstOrDefault(a => a.MembershipId == seat.MembershipId);
            return given is null
                ? SeatAtItem.AbsentFrom(seat)
                : new SeatAtItem(seat, given.Presence, given.Presence == Presence.DeputyPresent ? DeputyOf(seat.MembershipId) : null, given.Ruling);
        }).ToList();

        var roleNames = snapshot.RoleNames;
        var verdict = QuorumEvaluator.Evaluate(tor.Quorum, atItem, roleNames);
        var presiding = Voting.WhoPresides(atItem, tor.Voting, request.ChosenToPreside);

        return CommandResult<WhatIfResultDto>.Success(new WhatIfResultDto(
            date,
            QuorumText.Render(tor.Quorum, roleNames),
            [.. seats.Select(s => new SeatDto(s.MembershipId, s.PersonId, s.Name, string.Join("; ", s.Roles.Select(r => r.Name)), s.IsVoting, s.Office.ToString(), DeputyOf(s.MembershipId)))],
            ToDto(verdict),
            Voting.Eligibility(atItem, tor.Voting),
            presiding.Succeeded ? presiding.Value!.Explanation : presiding.Failure!.Message));
    }

    internal static VerdictDto ToDto(QuorumVerdict verdict) =>
        new(verdict.IsQuorate, verdict.Explanation, verdict.Lines, verdict.Counted, verdict.MinimumPresent,
            [.. verdict.Requirements.Select(r => new RequirementOutcomeDto(r.Description, r.AtLeast, r.FilledBy, r.WhyNotOthers, r.IsMet))]);
}

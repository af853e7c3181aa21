using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Procurement;

/// <summary>One person who made an award decision, with their role.</summary>
public sealed record PsrDecisionMakerDto(string Name, string Role);

/// <summary>One conflict declared on the award and how it was managed.</summary>
public sealed record PsrConflictDto(string Name, string Interest, string Management);

/// <summary>
/// What a PSR record reads live from the meeting item its committee decision was made at (rule book 5.8, 8.6): the
/// decision-makers (who voted, or the voting members present and not excluded by a ruling for a consensus) and the
/// item's declarations with the chair's rulings. Nothing is copied into the record, so a later ruling change shows.
/// </summary>
public sealed record PsrMeetingEvidenceDto(
    Guid DecisionId,
    Guid MeetingId,
    string CommitteeName,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    string ItemNumber,
    string ItemTitle,
    bool IsPrivate,
    bool AgendaPublished,
    IReadOnlyList<PsrDecisionMakerDto> DecisionMakers,
    IReadOnlyList<PsrConflictDto> Conflicts,
    string ConflictsSummary)
{
    /// <summary>
    /// Whether the item's names and interests may be published: a public item on a published agenda, the same rule
    /// as the public decisions and the public part of the minutes (ADR-0023).
    /// </summary>
    public bool IsPublic => !IsPrivate && AgendaPublished;
}

public static class PsrMeetingEvidence
{
    public static async Task<Dictionary<Guid, PsrMeetingEvidenceDto>> LoadAsync(AppDbContext db, Guid organisationId, IReadOnlyCollection<Guid> decisionIds, CancellationToken ct)
    {
        if (decisionIds.Count == 0)
        {
            return [];
        }

        var ids = decisionIds.Distinct().ToList();
        var decisions = await db.Decisions.AsNoTracking().Include(d => d.Votes)
            .Where(d => d.OrganisationId == organisationId && ids.Contains(d.Id)).ToListAsync(ct);
        var meetingIds = decisions.Select(d => d.MeetingId).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items).Include(m => m.Attendance).Include(m => m.Rulings)
            .Include(m => m.Declarations).Include(m => m.FlagDismissals).AsSplitQuery()
            .Where(m => m.OrganisationId == organisationId && meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var committeeIds = meetings.Values.Select(m => m.CommitteeId).Distinct().ToList();
        var committees = await db.Committees.AsNoTracking().Where(c => c.OrganisationId == organisationId && committeeIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var memberships = await db.Memberships.AsNoTracking().Where(m => committeeIds.Contains(m.CommitteeId))
            .Join(db.People.AsNoTracking(), m => m.PersonId, p => p.Id, (m, p) => new { Membership = m, p.FullName })
            .ToDictionaryAsync(x => x.Membership.Id, ct);
        var roles = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var deputyIds = meetings.Values.SelectMany(m => m.Attendance).Select(a => a.DeputyPersonId).OfType<Guid>().Distinct().ToList();
        var deputies = await db.People.AsNoTracking().Where(p => p.OrganisationId == organisationId && deputyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);

        string NameOf(Guid? membershipId) => membershipId is { } id && memberships.TryGetValue(id, out var m) ? m.FullName : "a former member";

        string RoleOf(Guid membershipId)
        {
            if (!memberships.TryGetValue(membershipId, out var m))
            {
                return "member";
            }

            var parts = new List<string>();
            if (m.Membership.Office != CommitteeOffice.None)
            {
                parts.Add(m.Membership.Office == CommitteeOffice.Chair ? "Chair" : "Vice chair");
            }

            parts.AddRange(m.Membership.RoleIds.Where(roles.ContainsKey).Select(r => roles[r]));
            return parts.Count == 0 ? (m.Membership.IsVoting ? "Voting member" : "Member") : string.Join(", ", parts);
        }

        var result = new Dictionary<Guid, PsrMeetingEvidenceDto>();
        foreach (var d in decisions)
        {
            if (!meetings.TryGetValue(d.MeetingId, out var meeting) || meeting.Items.SingleOrDefault(i => i.Id == d.ItemId) is not { } item)
            {
                continue;
            }

            // A named deputy sits in the member's seat; the record names who actually decided.
            PsrDecisionMakerDto Maker(Guid membershipId)
            {
                var stretch = meeting.Attendance.FirstOrDefault(a => a.MembershipId == membershipId && a.DeputyPersonId is not null && a.IsThereAt(d.DecidedAt));
                return stretch?.DeputyPersonId is { } deputy && deputies.TryGetValue(deputy, out var deputyName)
                    ? new PsrDecisionMakerDto(deputyName, $"Deputy for {NameOf(membershipId)} ({RoleOf(membershipId)})")
                    : new PsrDecisionMakerDto(NameOf(membershipId), RoleOf(membershipId));
            }

            var rulings = meeting.Rulings.Where(r => r.ItemId == item.Id).OrderBy(r => r.RecordedAt).ToList();
            var excluded = rulings.Where(r => r.Ruling != ConflictRuling.FullPart).Select(r => r.MembershipId).ToHashSet();
            var makerSeats = d.Votes.Count > 0
                ? d.Votes.Select(v => v.MembershipId).Distinct()
                : meeting.Attendance.Where(a => a.IsThereAt(d.DecidedAt)).Select(a => a.MembershipId).Distinct()
                    .Where(id => !excluded.Contains(id) && memberships.TryGetValue(id, out var m) && m.Membership.IsVoting);
            var makers = makerSeats.Select(Maker).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

            var conflicts = new List<PsrConflictDto>();
            foreach (var ruling in rulings)
            {
                var who = ruling.RuledByMembershipId is null ? "It was ruled" : $"{NameOf(ruling.RuledByMembershipId)} ruled";
                conflicts.Add(new PsrConflictDto(NameOf(ruling.MembershipId), ruling.Interest, $"{who} that {NameOf(ruling.MembershipId)} {ruling.Ruling.Describe()}."));
            }

            // A declaration at the item with no ruling still shows, saying so (as the minutes do, rule book 5.5).
            foreach (var declaration in meeting.Declarations.Where(x => x.ItemId == item.Id && rulings.All(r => r.MembershipId != x.MembershipId)).OrderBy(x => x.DeclaredAt))
            {
                conflicts.Add(new PsrConflictDto(NameOf(declaration.MembershipId), declaration.Interest, "No ruling was recorded."));
            }

            result[d.Id] = new PsrMeetingEvidenceDto(
                d.Id, meeting.Id, committees.GetValueOrDefault(meeting.CommitteeId) ?? "", meeting.Title, meeting.StartsAt, item.Number, item.Title,
                item.IsPrivate, meeting.AgendaPublishedAt is not null, makers, conflicts, ItemConflictCounts.Of(meeting, item.Id).Summary());
        }

        return result;
    }
}

/// <summary>
/// Who made an award decision and the conflicts declared on it, as the public may see them: the public page of the
/// decision and its OCDS release both read this one account, so the two never disagree (ADR-0023).
/// </summary>
public sealed record PsrPublicAccount(
    string? MadeAt,
    IReadOnlyList<PsrDecisionMakerDto> DecisionMakers,
    string? DecisionMakersNote,
    IReadOnlyList<PsrConflictDto> Conflicts,
    string? ConflictsSummary)
{
    /// <summary>
    /// From the meeting item when the decision was made at one (names and interests only when the item is public on a
    /// published agenda, otherwise the committee and the counted summary), else from what the record holds.
    /// </summary>
    public static PsrPublicAccount Of(PsrMeetingEvidenceDto? meeting, string? decisionMakers, string? committee, string? conflictsNoted, string? conflictsManagement)
    {
        if (meeting is not null)
        {
            var madeAt = $"{meeting.CommitteeName}, {meeting.MeetingTitle}";
            return meeting.IsPublic
                ? new PsrPublicAccount($"{madeAt}, item {meeting.ItemNumber}: {meeting.ItemTitle}", meeting.DecisionMakers, null, meeting.Conflicts, meeting.ConflictsSummary)
                : new PsrPublicAccount($"{madeAt}, in the part of the meeting held in private", [], $"The members of the {meeting.CommitteeName}.", [], meeting.ConflictsSummary);
        }

        var typed = decisionMakers?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries) is var parts && parts.Length == 2 ? new PsrDecisionMakerDto(parts[0], parts[1]) : new PsrDecisionMakerDto(line, ""))
            .ToList() ?? [];
        var conflicts = conflictsNoted is null ? new List<PsrConflictDto>() : [new PsrConflictDto("", conflictsNoted, conflictsManagement ?? "")];
        return new PsrPublicAccount(committee, typed, typed.Count == 0 ? "Not recorded." : null, conflicts,
            conflictsNoted is null ? "No conflicts of interest were declared." : null);
    }
}

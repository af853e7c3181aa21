using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MinutesRecord = CoCommissioning.Domain.Minutes.Minutes;

namespace CoCommissioning.Web.Features.Minutes;

/// <summary>
/// Minutes of a meeting (issue 6): generated from the meeting record, each version kept. The secretary writes the
/// narratives; attendance, rulings, quorum and decisions are read from the record every time a draft is shown, so they
/// cannot drift from it (a fact is corrected through the record, with its audit trail). Approval stores the generated
/// document of both parts and its hash; a correction makes a new version with the reason.
/// </summary>
public sealed class MinutesService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<MinutesService> logger)
{
    /// <summary>The minutes of a meeting, started (version 1, an empty draft) if there are none yet.</summary>
    public async Task<CommandResult<MinutesDto>> StartAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId)
            .Select(m => new { m.Id, m.CommitteeId }).SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        var existing = await LoadAsync(db, user, meetingId, ct);
        if (existing is not null)
        {
            return CommandResult<MinutesDto>.Success(ToDto(existing));
        }

        var minutes = MinutesRecord.Start(user.OrganisationId, meeting.CommitteeId, meeting.Id, Actor(user));
        db.Minutes.Add(minutes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueIndexes.Violated(db, ex) == UniqueIndexes.OneMinutesPerMeeting)
        {
            // Someone else started them a moment earlier (one set per meeting, a unique index): theirs stand.
            await using var again = await dbs.CreateForReadingAsync(ct);
            return await LoadAsync(again, user, meetingId, ct) is { } theirs ? CommandResult<MinutesDto>.Success(ToDto(theirs)) : Failure.Conflict("record of minutes");
        }

        logger.LogInformation("Minutes {MinutesId} of meeting {MeetingId} started by {UserId}", minutes.Id, meetingId, user.UserId);
        return CommandResult<MinutesDto>.Success(ToDto(minutes));
    }

    /// <summary>The minutes and their versions; null when the meeting has none yet or is not the user's organisation's.</summary>
    public async Task<MinutesDto?> GetAsync(CurrentUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        return await LoadAsync(db, user, meetingId, ct) is { } minutes ? ToDto(minutes) : null;
    }

    /// <summary>
    /// One part of one version as a document: a draft generated from the record now, an approved version as stored
    /// (with its hash checked, and whether the record still gives the same document).
    /// </summary>
    public async Task<CommandResult<MinutesDocumentDto>> GetDocumentAsync(CurrentUser user, Guid meetingId, int number, MinutesPart part, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var minutes = await LoadAsync(db, user, meetingId, ct);
        var version = minutes?.Find(number);
        if (minutes is null || version is null)
        {
            return Failure.NotFound(minutes is null ? "The record of minutes" : "The version of the minutes");
        }

        var source = await SourceAsync(db, user, meetingId, ct);
        if (source is null)
        {
            return Failure.NotFound("The meeting");
        }

        var fromRecord = Generate(source, version, version.Status);
        if (version.ApprovedContent is { } content)
        {
            var stored = version.ApprovedParts()!.For(part);

            // Minutes approved in an earlier wording would differ from the record's today even if no fact changed:
            // they are not compared (null), rather than reported as changed.
            bool? matchesRecord = stored.Format == MinutesGenerator.Format ? MinutesContent.Hash(fromRecord) == version.ContentHash : null;
            return CommandResult<MinutesDocumentDto>.Success(new MinutesDocumentDto(
                stored, Html(stored), MinutesContent.Hash(content), version.ContentHash, version.HashVerifies(), matchesRecord, minutes.Version));
        }

        var document = fromRecord.For(part);
        return CommandResult<MinutesDocumentDto>.Success(new MinutesDocumentDto(document, Html(document), MinutesContent.Hash(fromRecord), null, null, null, minutes.Version));
    }

    public Task<CommandResult<MinutesDto>> EditNarrativeAsync(CurrentUser user, Guid meetingId, int number, Guid itemId, NarrativeRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "edited a narrative", async (db, minutes) =>
        {
            var itemIds = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).SelectMany(m => m.Items).Select(i => i.Id).ToListAsync(ct);
            return minutes.EditNarrative(number, itemId, request.Markdown, itemIds);
        }, ct);

    public const string NotAllowedToApprove =
        "Only the person presiding over the item approving the minutes, or the committee secretary, records the approval.";

    /// <summary>Whether the user keeps the minutes (the roles of <see cref="Policies.Secretary"/>).</summary>
    public static bool KeepsTheMinutes(CurrentUser user) => user.IsAnyOf(AppRole.CommitteeSecretary, AppRole.GovernanceLead, AppRole.Administrator);

    /// <summary>Whether the user is a current member of the committee (who may be presiding when minutes are approved).</summary>
    public async Task<bool> IsCommitteeMemberAsync(CurrentUser user, Guid committeeId, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return false;
        }

        await using var db = await dbs.CreateForReadingAsync(ct);
        var today = DateOnly.FromDateTime(clock.Now().UtcDateTime);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.CommitteeId == committeeId && m.PersonId == personId && m.OrganisationId == user.OrganisationId).ToListAsync(ct);
        return memberships.Any(m => m.IsCurrentOn(today));
    }

    /// <summary>
    /// The secretary approves; so does the person presiding over the approving item at this moment (the chair,
    /// usually), judged from the approving meeting's record the way a decision judges who presides.
    /// </summary>
    private async Task<bool> MayApproveAsync(AppDbContext db, CurrentUser user, Guid approvingMeetingId, Guid itemId, CancellationToken ct)
    {
        if (KeepsTheMinutes(user))
        {
            return true;
        }

        var judged = await ItemDecisions.JudgeAsync(db, user, approvingMeetingId, itemId, clock.Now(), null, ct);
        if (!judged.TryGetValue(out var j, out _) || !j.Presiding.TryGetValue(out var whoPresides, out _) || whoPresides.MembershipId is not { } presiding)
        {
            return false;
        }

        return await MeetingConsoleService.MyMembershipAsync(db, user, j.Meeting, ct) == presiding;
    }

    /// <summary>
    /// Approves a draft at an agenda item of another meeting: the domain refuses unless that meeting is a later one of
    /// the same committee, has started, and the item is the "Minutes of the previous meeting".
    /// </summary>
    public Task<CommandResult<MinutesDto>> ApproveAsync(CurrentUser user, Guid meetingId, int number, ApproveMinutesRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "approved the minutes", async (db, minutes) =>
        {
            var approving = await db.Meetings.AsNoTracking().Include(m => m.Items)
                .SingleOrDefaultAsync(m => m.Id == request.MeetingId && m.OrganisationId == user.OrganisationId, ct);
            if (approving is null)
            {
                return Failure.Validation("meetingId", "Choose the meeting at which the minutes are approved.");
            }

            var item = approving.Items.FirstOrDefault(i => i.Id == request.ItemId);
            if (item is null)
            {
                return Failure.Validation("itemId", "Choose the approving meeting's agenda item \"Minutes of the previous meeting\".");
            }

            if (!await MayApproveAsync(db, user, approving.Id, item.Id, ct))
            {
                return Failure.Forbidden(NotAllowedToApprove);
            }

            var source = await SourceAsync(db, user, meetingId, ct);
            return source is null
                ? Failure.NotFound("The meeting")
                : minutes.Approve(number, new MinutesApproval(approving.Id, approving.CommitteeId, approving.StartsAt, item.Id, item.Title), source, Actor(user));
        }, ct);

    public Task<CommandResult<MinutesDto>> CorrectAsync(CurrentUser user, Guid meetingId, int number, CorrectMinutesRequest request, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, request.Version, "corrected approved minutes", (_, minutes) =>
        {
            var corrected = minutes.Correct(number, request.Reason, Actor(user));
            return Task.FromResult(corrected.WithoutValue());
        }, ct);

    private async Task<CommandResult<MinutesDto>> ChangeAsync(CurrentUser user, Guid meetingId, Guid expectedVersion, string action, Func<AppDbContext, MinutesRecord, Task<CommandResult>> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var minutes = await LoadAsync(db, user, meetingId, ct, tracked: true);
        var result = await VersionedEdit.ApplyAsync(db, minutes, expectedVersion, "The record of minutes", "record of minutes", m => change(db, m), ct);
        if (result.TryGetFailure(out var failure))
        {
            return failure;
        }

        logger.LogInformation("Minutes {MinutesId} of meeting {MeetingId}: {UserId} {Action}", minutes!.Id, meetingId, user.UserId, action);
        return CommandResult<MinutesDto>.Success(ToDto(minutes));
    }

    private static Task<MinutesRecord?> LoadAsync(AppDbContext db, CurrentUser user, Guid meetingId, CancellationToken ct, bool tracked = false)
    {
        var query = db.Minutes.Include(m => m.Versions).Where(m => m.MeetingId == meetingId && m.OrganisationId == user.OrganisationId);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }

    private MinutesActor Actor(CurrentUser user) => new(user.UserId, user.DisplayName, clock.Now());

    private static MinutesParts Generate(MinutesSource source, MinutesVersion version, MinutesStatus status) => new(
        MinutesGenerator.Generate(source, MinutesPart.Public, version.Number, status, version.Narratives),
        MinutesGenerator.Generate(source, MinutesPart.Private, version.Number, status, version.Narratives));

    private static Dictionary<Guid, string> Html(MinutesDocument document) =>
        document.Items.ToDictionary(i => i.ItemId, i => MinutesHtml.Render(i.Narrative));

    private static MinutesDto ToDto(MinutesRecord minutes) => new(
        minutes.Id,
        minutes.MeetingId,
        minutes.Version,
        [.. minutes.Versions.OrderBy(v => v.Number).Select(v => new MinutesVersionDto(
            v.Number, v.Status, v.CreatedAt, v.CreatedBy, v.CorrectionReason, v.CorrectsVersion,
            v.ApprovedAt, v.ApprovedBy, v.ApprovedAtMeetingId, v.ApprovedAtItemId, v.ContentHash, v.Narratives))]);

    /// <summary>
    /// The meeting's record as the minutes need it, names resolved the way <see cref="MeetingService"/> resolves them:
    /// a declaration or ruling is about whoever held the seat at that moment, the member or their deputy.
    /// </summary>
    internal static async Task<MinutesSource?> SourceAsync(AppDbContext db, CurrentUser user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await MeetingService.LoadAsync(db, user, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var committeeName = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId).Select(c => c.Name).SingleAsync(ct);
        var organisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == meeting.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CommitteeId == meeting.CommitteeId).ToListAsync(ct);
        var personIds = memberships.Select(m => m.PersonId)
            .Concat(meeting.Attendance.Where(a => a.DeputyPersonId is not null).Select(a => a.DeputyPersonId!.Value)).Distinct().ToList();
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).ThenBy(a => a.Description).ToListAsync(ct);
        personIds.AddRange(actions.Select(a => a.OwnerPersonId).Except(personIds));
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == meeting.OrganisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meeting.Id).ToListAsync(ct);
        var inquorate = await db.InquorateResolutions.AsNoTracking().Where(r => r.MeetingId == meeting.Id).ToListAsync(ct);

        var names = memberships.ToDictionary(m => m.Id, m => people.GetValueOrDefault(m.PersonId) ?? "");
        string NameAt(Guid membershipId, DateTimeOffset at) =>
            Meeting.SeatHolderName(names.GetValueOrDefault(membershipId) ?? "", meeting.DeputyAt(membershipId, at) is { } deputy ? people.GetValueOrDefault(deputy) ?? "Deputy" : null);

        var members = memberships
            .OrderBy(m => m.Office == CommitteeOffice.None).ThenBy(m => m.Office).ThenBy(m => names[m.Id], StringComparer.Ordinal)
            .Select(m => new MinutesMember(m.Id, names[m.Id], Capacity(m, roleNames)))
            .ToList();

        return new MinutesSource(
            meeting.Id,
            meeting.CommitteeId,
            organisationName,
            committeeName,
            meeting.Title,
            meeting.StartsAt,
            members,
            meeting.Apologies,
            [.. meeting.Attendance.OrderBy(a => a.ArrivedAt).Select(a => new MinutesStretch(
                a.MembershipId, a.DeputyPersonId is { } deputy ? people.GetValueOrDefault(deputy) ?? "Deputy" : null, a.ArrivedAt, a.LeftAt))],
            [.. meeting.InAttendance.OrderBy(p => p.RecordedAt).Select(p => new MinutesGuest(p.Name, p.Capacity))],
            [.. meeting.Declarations.OrderBy(d => d.DeclaredAt).Select(d => new MinutesDeclarationSource(
                d.MembershipId, NameAt(d.MembershipId, d.DeclaredAt), d.ItemId, d.Interest, d.RaisedBy, d.DeclaredAt))],
            [.. meeting.Rulings.OrderBy(r => r.RecordedAt).Select(r => new MinutesRulingSource(
                r.ItemId, r.MembershipId, NameAt(r.MembershipId, r.RecordedAt), r.Interest, r.Ruling,
                r.RuledByMembershipId is { } by ? NameAt(by, r.RecordedAt) : null, r.RecordedAt))],
            [.. meeting.QuorumConfirmations.OrderBy(q => q.ConfirmedAt).Select(q => new MinutesQuorumSource(
                q.ItemId, NameAt(q.ConfirmedByMembershipId, q.ConfirmedAt), q.Explanation, q.ConfirmedAt))],
            meeting.Exclusion is { } e ? new MinutesExclusionSource(e.Wording, e.PassedAt) : null,
            [.. meeting.Agenda.Select(i =>
            {
                var choice = inquorate.FirstOrDefault(r => r.ItemId == i.Id);
                return new MinutesItemSource(i.Id, i.Number, i.Title, i.Purpose, i.Presenter, i.IsPrivate, i.Outcome, i.OutcomeNote, choice?.Action, choice?.Detail, i.WithdrawnReason);
            })],
            [.. decisions.Select(d => new MinutesDecisionSource(
                d.ItemId, d.Kind, d.Resolution, d.Outcome, d.For, d.Against, d.Abstain, d.Eligible, d.Explanation,
                d.PresidingMembershipId is { } p ? NameAt(p, d.DecidedAt) : null, d.QuorumExplanation, d.DecidedAt))],
            [.. actions.Select(a => new MinutesActionSource(a.ItemId, a.Description, people.GetValueOrDefault(a.OwnerPersonId) ?? "", a.DueOn))],
            [.. meeting.FlagDismissals.OrderBy(f => f.DismissedAt).Select(f => new MinutesFlagDismissalSource(
                f.ItemId, f.Name, f.Reason, NameAt(f.DismissedByMembershipId, f.DismissedAt), f.DismissedAt))]);
    }

    /// <summary>"Chair; Lay member": the office, then the member's roles.</summary>
    private static string Capacity(Membership membership, IReadOnlyDictionary<Guid, string> roleNames)
    {
        var parts = new List<string>();
        if (membership.Office != CommitteeOffice.None)
        {
            parts.Add(Labels.Of(membership.Office));
        }

        parts.AddRange(membership.RoleIds.Select(id => roleNames.GetValueOrDefault(id)).OfType<string>());
        return string.Join("; ", parts);
    }
}

using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Meetings;

public enum ItemPurpose
{
    Decision,
    Discussion,
    Information,
}

/// <summary>An item on a meeting's agenda. Quorum is judged item by item.</summary>
public sealed class AgendaItem : IGovernanceRecord, IPartOfAggregate
{
    public const int TitleMaxLength = 300;
    public const int PresenterMaxLength = 200;
    public const int OutcomeNoteMaxLength = 2000;

    private List<Guid> affectedBodyIds = [];

    private AgendaItem()
    {
        Title = "";
    }

    internal AgendaItem(Guid meetingId, Guid organisationId, int number, string title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid> affectedBodyIds, string? presenter)
    {
        Presenter = presenter;
        this.affectedBodyIds = [.. affectedBodyIds.Distinct()];
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        Number = number;
        Title = title;
        Purpose = purpose;
        IsPrivate = isPrivate;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public int Number { get; private set; }
    public string Title { get; private set; }
    public ItemPurpose Purpose { get; private set; }

    /// <summary>Who presents the item (name and role), as the agenda shows it.</summary>
    public string? Presenter { get; private set; }

    /// <summary>Set when the item was noted, deferred or referred; a vote or consensus is a decision instead.</summary>
    public ItemOutcomeKind? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }

    /// <summary>Taken in the private part, after a resolution excludes the public.</summary>
    public bool IsPrivate { get; private set; }

    /// <summary>
    /// The organisation's bodies (practices, PCNs, federations, suppliers) this item affects: matched against the
    /// bodies members' interests concern, this is what pre-flags likely conflicts before the meeting.
    /// </summary>
    public IReadOnlyList<Guid> AffectedBodyIds => affectedBodyIds;

    // A fresh list, not an edit in place, so EF Core sees the primitive collection change.
    internal void Affects(IEnumerable<Guid> bodyIds) => affectedBodyIds = [.. bodyIds.Distinct()];

    internal void Conclude(ItemOutcomeKind outcome, string? note, DateTimeOffset at)
    {
        Outcome = outcome;
        OutcomeNote = note;
        OutcomeAt = at;
    }
}

/// <summary>
/// A stretch of time a member (or their deputy, standing in) was in the meeting. Someone who leaves and comes back
/// has two records; the minutes show when they left and returned.
/// </summary>
public sealed class AttendanceRecord : IGovernanceRecord, IPartOfAggregate
{
    private AttendanceRecord()
    {
    }

    internal AttendanceRecord(Guid meetingId, Guid organisationId, Guid membershipId, Guid? deputyPersonId, DateTimeOffset arrivedAt)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        MembershipId = membershipId;
        DeputyPersonId = deputyPersonId;
        ArrivedAt = arrivedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid MembershipId { get; private set; }

    /// <summary>Set when the member's named deputy attends in their place.</summary>
    public Guid? DeputyPersonId { get; private set; }

    public DateTimeOffset ArrivedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsThereAt(DateTimeOffset moment) => ArrivedAt <= moment && (LeftAt is null || moment < LeftAt);

    internal void Leave(DateTimeOffset at) => LeftAt = at;
}

/// <summary>The ruling of the person presiding on a member's declared conflict for one item.</summary>
public sealed class ItemRuling : IGovernanceRecord, IPartOfAggregate
{
    public const int InterestMaxLength = 1000;

    private ItemRuling()
    {
        Interest = "";
    }

    internal ItemRuling(Guid meetingId, Guid organisationId, Guid itemId, Guid membershipId, string interest, ConflictRuling ruling, Guid? ruledByMembershipId, DateTimeOffset recordedAt)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganisationId = organisationId;
        ItemId = itemId;
        MembershipId = membershipId;
        Interest = interest;
        Ruling = ruling;
        RuledByMembershipId = ruledByMembershipId;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;
    public Guid ItemId { get; private set; }
    public Guid MembershipId { get; private set; }
    public string Interest { get; private set; }
    public ConflictRuling Ruling { get; private set; }
    public Guid? RuledByMembershipId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal void Change(string interest, ConflictRuling ruling, Guid? ruledBy, DateTimeOffset at)
    {
        Interest = interest;
        Ruling = ruling;
        RuledByMembershipId = ruledBy;
        RecordedAt = at;
    }
}

/// <summary>
/// A meeting of a committee: its agenda, who came and went, apologies, and conflict rulings per item. This is
/// the record the decision service reads to judge each item.
/// </summary>
public sealed class Meeting : IGovernanceRecord, IVersioned
{
    public const int TitleMaxLength = 200;

    private readonly List<AgendaItem> items = [];
    private readonly List<AttendanceRecord> attendance = [];
    private readonly List<ItemRuling> rulings = [];
    private readonly List<MeetingDeclaration> declarations = [];
    private readonly List<QuorumConfirmation> quorumConfirmations = [];
    private readonly List<PersonInAttendance> inAttendance = [];
    private List<Guid> apologies = [];

    private Meeting()
    {
        Title = "";
    }

    private Meeting(Guid organisationId, Guid committeeId, string title, DateTimeOffset startsAt)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        CommitteeId = committeeId;
        Title = title;
        StartsAt = startsAt;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string Title { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyCollection<AgendaItem> Items => items.AsReadOnly();
    public IReadOnlyCollection<AttendanceRecord> Attendance => attendance.AsReadOnly();
    public IReadOnlyCollection<ItemRuling> Rulings => rulings.AsReadOnly();
    public IReadOnlyCollection<MeetingDeclaration> Declarations => declarations.AsReadOnly();
    public IReadOnlyCollection<QuorumConfirmation> QuorumConfirmations => quorumConfirmations.AsReadOnly();
    public IReadOnlyCollection<PersonInAttendance> InAttendance => inAttendance.AsReadOnly();

    /// <summary>When the agenda was published (the public part's notice); null while it is a draft.</summary>
    public DateTimeOffset? AgendaPublishedAt { get; private set; }

    /// <summary>Why the agenda went out with less than three clear days' notice, when it did.</summary>
    public string? ShortNoticeReason { get; private set; }

    /// <summary>The resolution excluding the public, once passed: private items can be taken only after it.</summary>
    public ExclusionResolution? Exclusion { get; private set; }

    /// <summary>The item the meeting is on now: what the chair's and members' views show.</summary>
    public Guid? CurrentItemId { get; private set; }

    /// <summary>Memberships whose apologies were received.</summary>
    public IReadOnlyList<Guid> Apologies => apologies;

    public DateOnly Date => DateOnly.FromDateTime(StartsAt.UtcDateTime);

    public static CommandResult<Meeting> Schedule(Guid organisationId, Guid committeeId, string? title, DateTimeOffset startsAt)
    {
        var checkedTitle = Text.Required(nameof(Title), title, TitleMaxLength);
        return checkedTitle.Succeeded
            ? CommandResult<Meeting>.Success(new Meeting(organisationId, committeeId, checkedTitle.Value!, startsAt.ToUniversalTime()))
            : checkedTitle.Failure!;
    }

    /// <summary>
    /// Adds an item. The caller checks that <paramref name="affectedBodyIds"/> are bodies of this meeting's
    /// organisation (the list lives outside the aggregate).
    /// </summary>
    public CommandResult<AgendaItem> AddItem(string? title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid>? affectedBodyIds = null, string? presenter = null)
    {
        var checkedTitle = Text.Required(nameof(AgendaItem.Title), title, AgendaItem.TitleMaxLength);
        if (!checkedTitle.Succeeded)
        {
            return checkedTitle.Failure!;
        }

        var checkedPresenter = Text.Optional(nameof(AgendaItem.Presenter), presenter, AgendaItem.PresenterMaxLength);
        if (!checkedPresenter.Succeeded)
        {
            return checkedPresenter.Failure!;
        }

        if (!Enum.IsDefined(purpose))
        {
            return Failure.Validation(nameof(AgendaItem.Purpose), "Choose the purpose: decision, discussion or information.");
        }

        var item = new AgendaItem(Id, OrganisationId, items.Count == 0 ? 1 : items.Max(i => i.Number) + 1, checkedTitle.Value!, purpose, isPrivate, affectedBodyIds ?? [], checkedPresenter.Value);
        items.Add(item);
        Touch();
        return CommandResult<AgendaItem>.Success(item);
    }

    /// <summary>Replaces the bodies an item affects (the caller checks they belong to the organisation).</summary>
    public CommandResult ChangeAffectedBodies(Guid itemId, IEnumerable<Guid> bodyIds)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        item.Affects(bodyIds);
        Touch();
        return CommandResult.Success();
    }

    public CommandResult SendApologies(Guid membershipId)
    {
        if (attendance.Any(a => a.MembershipId == membershipId && a.LeftAt is null))
        {
            return Failure.Rule("This member is recorded as present, so cannot send apologies. Record their departure if they have left.");
        }

        if (!apologies.Contains(membershipId))
        {
            apologies = [.. apologies, membershipId];
            Touch();
        }

        return CommandResult.Success();
    }

    /// <summary>Records an arrival: the member, or with <paramref name="deputyPersonId"/> their deputy in their place.</summary>
    public CommandResult<AttendanceRecord> RecordArrival(Guid membershipId, Guid? deputyPersonId, DateTimeOffset at)
    {
        if (attendance.Any(a => a.MembershipId == membershipId && a.LeftAt is null))
        {
            return Failure.Rule("This member (or their deputy) is already recorded as present. Record their departure first.");
        }

        var record = new AttendanceRecord(Id, OrganisationId, membershipId, deputyPersonId, at);
        attendance.Add(record);
        Touch();
        return CommandResult<AttendanceRecord>.Success(record);
    }

    public CommandResult RecordDeparture(Guid membershipId, DateTimeOffset at)
    {
        var open = attendance.FirstOrDefault(a => a.MembershipId == membershipId && a.LeftAt is null);
        if (open is null)
        {
            return Failure.Rule("This member is not recorded as present, so cannot leave.");
        }

        if (at < open.ArrivedAt)
        {
            return Failure.Validation("LeftAt", "The departure cannot be before the arrival.");
        }

        open.Leave(at);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Records (or changes) the ruling on a member's conflict for an item.</summary>
    public CommandResult<ItemRuling> RecordRuling(Guid itemId, Guid membershipId, string? interest, ConflictRuling ruling, Guid? ruledByMembershipId, DateTimeOffset at)
    {
        if (items.All(i => i.Id != itemId))
        {
            return Failure.NotFound("The agenda item");
        }

        if (ruledByMembershipId == membershipId)
        {
            return Failure.Rule("A member cannot rule on their own conflict: the vice chair (or another unconflicted member) rules instead.");
        }

        var checkedInterest = Text.Required("Interest", interest, ItemRuling.InterestMaxLength);
        if (!checkedInterest.Succeeded)
        {
            return checkedInterest.Failure!;
        }

        var existing = rulings.FirstOrDefault(r => r.ItemId == itemId && r.MembershipId == membershipId);
        if (existing is not null)
        {
            existing.Change(checkedInterest.Value!, ruling, ruledByMembershipId, at);
            Touch();
            return CommandResult<ItemRuling>.Success(existing);
        }

        var made = new ItemRuling(Id, OrganisationId, itemId, membershipId, checkedInterest.Value!, ruling, ruledByMembershipId, at);
        rulings.Add(made);
        Touch();
        return CommandResult<ItemRuling>.Success(made);
    }

    /// <summary>
    /// Each seat as it stands for an item at a moment: present, deputised or absent from the attendance records,
    /// with the ruling for that item. This is what quorum and eligibility are judged on.
    /// </summary>
    public IReadOnlyList<SeatAtItem> SeatsAt(Guid itemId, IReadOnlyList<Seat> seats, DateTimeOffset moment, IReadOnlyDictionary<Guid, string> deputyNames)
    {
        var result = new List<SeatAtItem>(seats.Count);
        foreach (var seat in seats)
        {
            var there = attendance.FirstOrDefault(a => a.MembershipId == seat.MembershipId && a.IsThereAt(moment));
            var ruling = rulings.FirstOrDefault(r => r.ItemId == itemId && r.MembershipId == seat.MembershipId)?.Ruling ?? ConflictRuling.FullPart;
            result.Add(there switch
            {
                null => SeatAtItem.AbsentFrom(seat),
                { DeputyPersonId: { } deputy } => SeatAtItem.Deputised(seat, deputyNames.TryGetValue(deputy, out var name) ? name : "Deputy", ruling),
                _ => SeatAtItem.PresentWith(seat, ruling),
            });
        }

        return result;
    }

    /// <summary>
    /// Publishes the agenda on <paramref name="at"/>. With less than three clear days' notice it is refused unless a
    /// reason for the short notice is given, which is kept with the meeting.
    /// </summary>
    public CommandResult PublishAgenda(DateTimeOffset at, string? shortNoticeReason)
    {
        if (items.Count == 0)
        {
            return Failure.Rule("Add at least one agenda item before publishing the agenda.");
        }

        if (AgendaPublishedAt is not null)
        {
            // Publishing again would rewrite when notice was given; corrections to a published agenda are a later feature.
            return Failure.Rule("The agenda is already published; the date it was published is the notice given and stays as recorded.");
        }

        if (at >= StartsAt)
        {
            return Failure.Rule("The meeting has already started, so its agenda can no longer be published as notice of it.");
        }

        var warning = AgendaNotice.ShortNoticeWarning(DateOnly.FromDateTime(at.UtcDateTime), Date);
        var reason = Text.Optional(nameof(ShortNoticeReason), shortNoticeReason, ExclusionResolution.ReasonMaxLength);
        if (!reason.Succeeded)
        {
            return reason.Failure!;
        }

        if (warning is not null && reason.Value is null)
        {
            return Failure.Validation("shortNoticeReason", warning);
        }

        AgendaPublishedAt = at;
        ShortNoticeReason = warning is null ? null : reason.Value;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Moves the meeting to an item. A private item can be taken only after the public are excluded.</summary>
    public CommandResult TakeItem(Guid itemId)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsPrivate && Exclusion is null)
        {
            return Failure.Rule("This item is in the private part: pass the resolution excluding the public before taking it.");
        }

        CurrentItemId = itemId;
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Passes the resolution excluding the public, with the special reason (the confidential-business ground when blank).</summary>
    public CommandResult ExcludePublic(string? reason, DateTimeOffset at)
    {
        if (Exclusion is not null)
        {
            return Failure.Rule("The public have already been excluded: the resolution is recorded.");
        }

        var checkedReason = Text.Optional("reason", reason, ExclusionResolution.ReasonMaxLength);
        if (!checkedReason.Succeeded)
        {
            return checkedReason.Failure!;
        }

        var stated = checkedReason.Value ?? ExclusionResolution.ConfidentialBusiness;
        Exclusion = new ExclusionResolution(stated, ExclusionResolution.WordingFor(stated), at);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>A declaration at the start (no item) or at an item, by the member or raised by someone else.</summary>
    public CommandResult<MeetingDeclaration> Declare(Guid membershipId, Guid? itemId, string? interest, string? raisedBy, DateTimeOffset at)
    {
        if (itemId is { } id && items.All(i => i.Id != id))
        {
            return Failure.NotFound("The agenda item");
        }

        var checkedInterest = Text.Required("interest", interest, MeetingDeclaration.InterestMaxLength);
        if (!checkedInterest.Succeeded)
        {
            return checkedInterest.Failure!;
        }

        var checkedRaisedBy = Text.Optional("raisedBy", raisedBy, MeetingDeclaration.RaisedByMaxLength);
        if (!checkedRaisedBy.Succeeded)
        {
            return checkedRaisedBy.Failure!;
        }

        var declaration = new MeetingDeclaration(Id, OrganisationId, itemId, membershipId, checkedInterest.Value!, checkedRaisedBy.Value, at);
        declarations.Add(declaration);
        Touch();
        return CommandResult<MeetingDeclaration>.Success(declaration);
    }

    /// <summary>
    /// The seats whose declarations touch the item but have no ruling for it yet: the chair rules on each before the
    /// item is decided or its quorum confirmed, so the record shows how every declared conflict was managed.
    /// </summary>
    public IReadOnlyList<Guid> DeclarationsAwaitingRuling(Guid itemId) =>
        [.. declarations.Where(d => d.Concerns(itemId)).Select(d => d.MembershipId).Distinct()
            .Where(m => !rulings.Any(r => r.ItemId == itemId && r.MembershipId == m))];

    /// <summary>
    /// Records the presiding person's confirmation of quorum for an item, with the explanation they saw. The caller
    /// has judged quorum and who presides; an inquorate item cannot be confirmed.
    /// </summary>
    public CommandResult<QuorumConfirmation> ConfirmQuorum(Guid itemId, Guid presidingMembershipId, bool quorate, string explanation, DateTimeOffset at)
    {
        if (items.All(i => i.Id != itemId))
        {
            return Failure.NotFound("The agenda item");
        }

        if (!quorate)
        {
            return Failure.Rule("The item is not quorate, so quorum cannot be confirmed. " + explanation);
        }

        if (DeclarationsAwaitingRuling(itemId).Count > 0)
        {
            return Failure.Rule("Rule on the declarations made for this item first: a ruling can change who counts towards quorum.");
        }

        var confirmation = new QuorumConfirmation(Id, OrganisationId, itemId, presidingMembershipId, explanation.Length > QuorumConfirmation.ExplanationMaxLength ? explanation[..QuorumConfirmation.ExplanationMaxLength] : explanation, at);
        quorumConfirmations.Add(confirmation);
        Touch();
        return CommandResult<QuorumConfirmation>.Success(confirmation);
    }

    /// <summary>Someone in attendance who is not a member.</summary>
    public CommandResult<PersonInAttendance> AddPersonInAttendance(string? name, string? capacity, DateTimeOffset at)
    {
        var checkedName = Text.Required("name", name, PersonInAttendance.NameMaxLength);
        if (!checkedName.Succeeded)
        {
            return checkedName.Failure!;
        }

        var checkedCapacity = Text.Required("capacity", capacity, PersonInAttendance.CapacityMaxLength);
        if (!checkedCapacity.Succeeded)
        {
            return checkedCapacity.Failure!;
        }

        var person = new PersonInAttendance(Id, OrganisationId, checkedName.Value!, checkedCapacity.Value!, at);
        inAttendance.Add(person);
        Touch();
        return CommandResult<PersonInAttendance>.Success(person);
    }

    /// <summary>
    /// Records that an item was noted, deferred or referred. The caller checks no decision was recorded for it;
    /// noting is for items that were not for decision.
    /// </summary>
    public CommandResult RecordOutcome(Guid itemId, ItemOutcomeKind outcome, string? note, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (!Enum.IsDefined(outcome))
        {
            return Failure.Validation("outcome", "Choose noted, deferred or referred.");
        }

        if (item.Outcome is not null)
        {
            return Failure.Rule($"This item was already recorded as {item.Outcome.Value.ToString().ToLowerInvariant()}.");
        }

        if (outcome == ItemOutcomeKind.Noted && item.Purpose == ItemPurpose.Decision)
        {
            return Failure.Rule("This item is for decision: record a vote or a consensus decision, or defer or refer it.");
        }

        var checkedNote = Text.Optional("note", note, AgendaItem.OutcomeNoteMaxLength);
        if (!checkedNote.Succeeded)
        {
            return checkedNote.Failure!;
        }

        if (outcome == ItemOutcomeKind.Referred && checkedNote.Value is null)
        {
            return Failure.Validation("note", "Say where the item is referred to (the governing body or which committee).");
        }

        item.Conclude(outcome, checkedNote.Value, at);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// The named deputy standing in for a member's seat at a moment, if the seat was held by the deputy then: a
    /// declaration, ruling or confirmation made at that moment is the deputy's, and is named as theirs.
    /// </summary>
    public Guid? DeputyAt(Guid membershipId, DateTimeOffset moment) =>
        attendance.FirstOrDefault(a => a.MembershipId == membershipId && a.DeputyPersonId is not null && a.IsThereAt(moment))?.DeputyPersonId;

    /// <summary>How the record names whoever held a seat: the member, or "Lucy Price (deputy for Mark Benson)".</summary>
    public static string SeatHolderName(string memberName, string? deputyName) =>
        deputyName is null ? memberName : $"{deputyName} (deputy for {memberName})";

    /// <summary>
    /// Marks that a decision was taken on the record as it stands, so a concurrent change to attendance or rulings
    /// and the decision collide instead of the decision standing on attendance that no longer holds.
    /// </summary>
    public void DecisionTaken() => Touch();

    private void Touch() => Version = Guid.NewGuid();
}

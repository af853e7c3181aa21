using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Meetings;

public enum ItemPurpose
{
    Decision,
    Discussion,
    Information,
}

/// <summary>Where an agenda item is in the meeting: not reached, taken (under discussion), or closed by an outcome.</summary>
public enum ItemStatus
{
    Open,
    Taken,
    Closed,
}

/// <summary>How an item was closed. Once closed, its declarations, rulings and outcome are the record and cannot change.</summary>
public enum ItemClosure
{
    Vote,
    Consensus,
    Noted,
    Deferred,
    Referred,
    InquorateResolution,
}

/// <summary>Whether an item came from the committee's agenda template: opening items lead, closing items end the public part.</summary>
public enum StandingItem
{
    None,
    Opening,
    Closing,
}

/// <summary>An item on a meeting's agenda. Quorum is judged item by item.</summary>
public sealed class AgendaItem : IGovernanceRecord, IPartOfAggregate, IAgendaEntry
{
    public const int TitleMaxLength = 300;
    public const int PresenterMaxLength = 200;
    public const int OutcomeNoteMaxLength = 2000;
    public const int NumberMaxLength = 20;

    /// <summary>The most a reason for changing a published agenda may say.</summary>
    public const int ReasonMaxLength = 1000;

    private List<Guid> affectedBodyIds = [];

    private AgendaItem()
    {
        Title = "";
        Number = "";
    }

    internal AgendaItem(Guid meetingId, Guid organisationId, string number, string title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid> affectedBodyIds, string? presenter)
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
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid OrganisationId { get; private set; }
    Guid IPartOfAggregate.AggregateId => MeetingId;

    /// <summary>The number the agenda, the minutes and the public pages show: "2", or "2.1" for a sub-item (<see cref="AgendaNumbering"/>).</summary>
    public string Number { get; private set; }

    /// <summary>The item's place among its siblings (same parent; for top-level items, the same part).</summary>
    public int Position { get; private set; }

    /// <summary>The parent item of a sub-item (2.1 under 2); null for a top-level item.</summary>
    public Guid? ParentItemId { get; private set; }

    /// <summary>Whether the item came from the committee's agenda template, as an opening or closing item.</summary>
    public StandingItem Standing { get; private set; }

    /// <summary>
    /// Set when the item was added or changed after the agenda was published: a late item on the supplementary agenda,
    /// published with this reason. The latest reason is kept here; each change's is in the audit trail.
    /// </summary>
    public string? LateReason { get; private set; }

    public DateTimeOffset? LateAt { get; private set; }

    /// <summary>Set when the item was removed after publication: it keeps its number, marked withdrawn with the reason.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawnReason { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public string Title { get; private set; }
    public ItemPurpose Purpose { get; private set; }

    /// <summary>Who presents the item (name and role), as the agenda shows it.</summary>
    public string? Presenter { get; private set; }

    /// <summary>Set when the item was noted, deferred or referred; a vote or consensus is a decision instead.</summary>
    public ItemOutcomeKind? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }
    public DateTimeOffset? OutcomeAt { get; private set; }

    public ItemStatus Status { get; private set; }

    /// <summary>Set when the item is closed: by a decision, a noted/deferred/referred outcome, or the chair's choice when inquorate.</summary>
    public ItemClosure? ClosedAs { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The item's own concurrency token: what is recorded at an item (declarations on it, rulings, outcome, decision)
    /// is checked against it, so work on different items, or attendance, never makes another item's edit stale.
    /// </summary>
    public Guid Version { get; private set; }

    public bool IsClosed => Status == ItemStatus.Closed;

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
        Close(outcome switch
        {
            ItemOutcomeKind.Noted => ItemClosure.Noted,
            ItemOutcomeKind.Deferred => ItemClosure.Deferred,
            _ => ItemClosure.Referred,
        }, at);
    }

    internal void Take()
    {
        if (Status == ItemStatus.Open)
        {
            Status = ItemStatus.Taken;
        }

        Touch();
    }

    internal void Close(ItemClosure closure, DateTimeOffset at)
    {
        Status = ItemStatus.Closed;
        ClosedAs = closure;
        ClosedAt = at;
        Touch();
    }

    internal void Touch() => Version = Guid.NewGuid();

    internal void Place(int position, Guid? parentItemId, StandingItem standing)
    {
        Position = position;
        ParentItemId = parentItemId;
        Standing = standing;
    }

    internal void MoveTo(int position) => Position = position;

    internal void Renumber(string number) => Number = number;

    internal void Edit(string title, ItemPurpose purpose, string? presenter, bool isPrivate)
    {
        (Title, Purpose, Presenter, IsPrivate) = (title, purpose, presenter, isPrivate);
        Touch();
    }

    internal void MarkLate(string reason, DateTimeOffset at) => (LateReason, LateAt) = (reason, at);

    internal void Withdraw(string reason, DateTimeOffset at)
    {
        (WithdrawnReason, WithdrawnAt) = (reason, at);
        Touch();
    }

    /// <summary>Why nothing more can be recorded at a closed item.</summary>
    internal Failure ClosedFailure() =>
        Failure.Rule($"Item {Number} is already decided or concluded ({ItemClosures.Describe(ClosedAs)}): the declarations, rulings and outcome it closed on are the record and cannot change.");
}

public static class ItemClosures
{
    public static string Describe(ItemClosure? closure) => closure switch
    {
        ItemClosure.Vote => "decided by vote",
        ItemClosure.Consensus => "decided by consensus",
        ItemClosure.Noted => "noted",
        ItemClosure.Deferred => "deferred",
        ItemClosure.Referred => "referred",
        ItemClosure.InquorateResolution => "not quorate: the chair's choice is recorded",
        _ => "open",
    };
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

    /// <summary>Set when the departure was the chair's ruling that the person leave the room for this item.</summary>
    public Guid? LeftForItemId { get; private set; }

    public bool IsThereAt(DateTimeOffset moment) => ArrivedAt <= moment && (LeftAt is null || moment < LeftAt);

    internal void Leave(DateTimeOffset at, Guid? forItemId = null) => (LeftAt, LeftForItemId) = (at, forItemId);
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
public sealed partial class Meeting : IGovernanceRecord, IVersioned
{
    public const int TitleMaxLength = 200;

    private readonly List<AgendaItem> items = [];
    private readonly List<AttendanceRecord> attendance = [];
    private readonly List<ItemRuling> rulings = [];
    private readonly List<MeetingDeclaration> declarations = [];
    private readonly List<QuorumConfirmation> quorumConfirmations = [];
    private readonly List<PersonInAttendance> inAttendance = [];
    private readonly List<PreFlagDismissal> flagDismissals = [];
    private List<Guid> apologies = [];
    private List<Guid> apologiesWithoutDeputy = [];

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

    /// <summary>Likely conflicts from the register that the person presiding dismissed for an item, with the reason.</summary>
    public IReadOnlyCollection<PreFlagDismissal> FlagDismissals => flagDismissals.AsReadOnly();

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

    /// <summary>Memberships whose apologies said no deputy attends in their place (the others send their named deputy, if any).</summary>
    public IReadOnlyList<Guid> ApologiesWithoutDeputy => apologiesWithoutDeputy;

    public DateOnly Date => DateOnly.FromDateTime(StartsAt.UtcDateTime);

    public static CommandResult<Meeting> Schedule(Guid organisationId, Guid committeeId, string? title, DateTimeOffset startsAt)
    {
        var checkedTitle = Text.Required(nameof(Title), title, TitleMaxLength);
        return checkedTitle.Map(cleanTitle => new Meeting(organisationId, committeeId, cleanTitle, startsAt.ToUniversalTime()));
    }

    /// <summary>
    /// Adds an item. The caller checks that <paramref name="affectedBodyIds"/> are bodies of this meeting's
    /// organisation (the list lives outside the aggregate). A sub-item (<paramref name="parentItemId"/>) is in its
    /// parent's part and follows its other sub-items; a top-level item goes before the template's closing items of its
    /// part. Before publication the agenda is renumbered; after it, <paramref name="reason"/> is required and the item
    /// is a late item with the next free number (ADR-0018).
    /// </summary>
    public CommandResult<AgendaItem> AddItem(string? title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid>? affectedBodyIds = null, string? presenter = null, Guid? parentItemId = null, string? reason = null, DateTimeOffset? at = null, StandingItem standing = StandingItem.None)
    {
        var checkedTitle = Text.Required(nameof(AgendaItem.Title), title, AgendaItem.TitleMaxLength);
        var checkedPresenter = Text.Optional(nameof(AgendaItem.Presenter), presenter, AgendaItem.PresenterMaxLength);
        var parent = parentItemId is { } pid ? items.FirstOrDefault(i => i.Id == pid) : null;
        var late = ReasonForChange(reason);
        if (FirstFailure(
                checkedTitle.Failure,
                checkedPresenter.Failure,
                PurposeFailure(purpose),
                parentItemId is not null && parent is null ? Failure.Validation(nameof(parentItemId), "Choose an item of this agenda as the parent.")
                : parent is { ParentItemId: not null } ? Failure.Validation(nameof(parentItemId), $"Item {parent.Number} is itself a sub-item: sub-items go one level deep.")
                : parent is { IsWithdrawn: true } ? Failure.Validation(nameof(parentItemId), $"Item {parent.Number} is withdrawn.")
                : PartFailure(parent, isPrivate),
                late.Failure) is { } refused)
        {
            return refused;
        }

        var number = AgendaPublishedAt is null ? "" : AgendaNumbering.Next(items, parent);
        var item = new AgendaItem(Id, OrganisationId, number, checkedTitle.Value!, purpose, isPrivate, affectedBodyIds ?? [], checkedPresenter.Value);
        var siblings = SiblingsOf(parent?.Id, isPrivate);
        var place = parent is null && standing != StandingItem.Closing && siblings.FindIndex(i => i.Standing == StandingItem.Closing) is var closing and >= 0
            ? closing
            : siblings.Count;
        if (AgendaPublishedAt is not null)
        {
            // Numbers are frozen after publication: the late item is taken last in its part (or under its parent).
            place = siblings.Count;
            item.MarkLate(late.Value!, at ?? DateTimeOffset.UtcNow);
        }

        siblings.Insert(place, item);
        item.Place(0, parent?.Id, standing);
        Restack(siblings);
        items.Add(item);
        RenumberDraft();
        Touch();
        return CommandResult<AgendaItem>.Success(item);
    }

    /// <summary>Adds a committee's standing items (its agenda template) to a new meeting: opening items first, closing items last.</summary>
    public void ApplyTemplate(IEnumerable<AgendaTemplateEntry> entries)
    {
        foreach (var entry in entries.Where(e => e.Part == StandingItem.Opening).Concat(entries.Where(e => e.Part == StandingItem.Closing)))
        {
            var added = AddItem(entry.Title, entry.Purpose, isPrivate: false, standing: entry.Part);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"The agenda template's item \"{entry.Title}\" was refused: {added.Failure!.Message}");
            }
        }
    }

    /// <summary>
    /// Edits an item's title, purpose, presenter and part. A closed item is the record and does not change; an item
    /// with a record (declarations, rulings, a quorum confirmation) keeps its part. Moving an item to the other part
    /// takes its sub-items with it and puts it last there. After publication a reason is required and published.
    /// </summary>
    public CommandResult EditItem(Guid itemId, string? title, ItemPurpose purpose, string? presenter, bool isPrivate, string? reason, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        if (item.IsWithdrawn)
        {
            return Failure.Rule($"Item {item.Number} is withdrawn from the agenda.");
        }

        var checkedTitle = Text.Required(nameof(AgendaItem.Title), title, AgendaItem.TitleMaxLength);
        var checkedPresenter = Text.Optional(nameof(AgendaItem.Presenter), presenter, AgendaItem.PresenterMaxLength);
        var parent = item.ParentItemId is { } pid ? items.FirstOrDefault(i => i.Id == pid) : null;
        var late = ReasonForChange(reason);
        if (FirstFailure(checkedTitle.Failure, checkedPresenter.Failure, PurposeFailure(purpose), PartFailure(parent, isPrivate), late.Failure) is { } refused)
        {
            return refused;
        }

        if (isPrivate != item.IsPrivate && RecordAt(item) is { } record)
        {
            return Failure.Rule($"Item {item.Number} already has {record} recorded, so it stays in the {(item.IsPrivate ? "private" : "public")} part.");
        }

        if (isPrivate != item.IsPrivate && parent is null)
        {
            var old = SiblingsOf(null, item.IsPrivate);
            old.Remove(item);
            Restack(old);
            var siblings = SiblingsOf(null, isPrivate);
            item.MoveTo(siblings.Count == 0 ? 1 : siblings.Max(i => i.Position) + 1);
            foreach (var child in items.Where(i => i.ParentItemId == item.Id))
            {
                child.Edit(child.Title, child.Purpose, child.Presenter, isPrivate);
            }
        }

        item.Edit(checkedTitle.Value!, purpose, checkedPresenter.Value, isPrivate);
        if (late.Value is { } why)
        {
            item.MarkLate(why, at);
        }

        RenumberDraft();
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// Moves an item to <paramref name="toIndex"/> (0-based) among its siblings: the items of its part, or its parent's
    /// sub-items. An item already taken at the meeting keeps its place. Before publication the agenda is renumbered;
    /// after it numbers stay (the item is taken in a different order) and a reason is required and published.
    /// </summary>
    public CommandResult MoveItem(Guid itemId, int toIndex, string? reason, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        var siblings = SiblingsOf(item.ParentItemId, item.IsPrivate);
        if (toIndex < 0 || toIndex >= siblings.Count)
        {
            return Failure.Validation(nameof(toIndex), $"Choose a place from 1 to {siblings.Count}.");
        }

        var late = ReasonForChange(reason);
        if (late.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (item.Status != ItemStatus.Open || siblings[toIndex].Status != ItemStatus.Open)
        {
            return Failure.Rule("An item already taken at the meeting keeps its place in the agenda.");
        }

        siblings.Remove(item);
        siblings.Insert(toIndex, item);
        Restack(siblings);
        if (late.Value is { } why)
        {
            item.MarkLate(why, at);
        }

        item.Touch();
        RenumberDraft();
        Touch();
        return CommandResult.Success();
    }

    /// <summary>
    /// Removes an item: before publication it goes (its papers with it, which the caller removes); after it, it stays
    /// marked withdrawn with the reason and keeps its number. An item with a record, or with sub-items, is refused,
    /// saying why. Returns true when the item was deleted, false when withdrawn.
    /// </summary>
    public CommandResult<bool> RemoveItem(Guid itemId, string? reason, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsWithdrawn)
        {
            return Failure.Rule($"Item {item.Number} is already withdrawn.");
        }

        var late = ReasonForChange(reason);
        if (late.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (RecordAt(item) is { } record)
        {
            return Failure.Rule($"Item {item.Number} cannot be removed: it has {record} recorded, which is part of the meeting's record.");
        }

        if (items.Any(i => i.ParentItemId == item.Id && !i.IsWithdrawn))
        {
            return Failure.Rule($"Item {item.Number} has sub-items: remove them or move them first.");
        }

        if (late.Value is { } why)
        {
            item.Withdraw(why, at);
            Touch();
            return CommandResult<bool>.Success(false);
        }

        items.Remove(item);
        var siblings = SiblingsOf(item.ParentItemId, item.IsPrivate);
        Restack(siblings);
        RenumberDraft();
        Touch();
        return CommandResult<bool>.Success(true);
    }

    /// <summary>
    /// The reason a change to the agenda needs: none before publication (null), and after it a reason, required, which
    /// is published with the supplementary agenda.
    /// </summary>
    public CommandResult<string?> ReasonForChange(string? reason)
    {
        if (AgendaPublishedAt is null)
        {
            return CommandResult<string?>.Success(null);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Failure.Validation(nameof(reason), "The agenda is published: say why it changes. The reason is published with the supplementary agenda.");
        }

        var checkedReason = Text.Required(nameof(reason), reason, AgendaItem.ReasonMaxLength);
        return checkedReason.Map<string?>(clean => clean);
    }

    /// <summary>A change to the meeting's papers moves the meeting's version, so open views re-read and a stale change is refused.</summary>
    internal void PapersChanged() => Touch();

    /// <summary>What is recorded at the item, in words, or null when nothing is (so it may be removed or change part).</summary>
    public string? RecordAt(AgendaItem item) =>
        item.IsClosed ? $"an outcome ({ItemClosures.Describe(item.ClosedAs)})"
        : declarations.Any(d => d.ItemId == item.Id) ? "declarations of interest"
        : rulings.Any(r => r.ItemId == item.Id) ? "conflict rulings"
        : quorumConfirmations.Any(q => q.ItemId == item.Id) ? "a quorum confirmation"
        : flagDismissals.Any(f => f.ItemId == item.Id) ? "a dismissed likely conflict"
        : item.Status != ItemStatus.Open || CurrentItemId == item.Id ? "been taken at the meeting"
        : null;

    /// <summary>The agenda in order (public part, then private; each item followed by its sub-items).</summary>
    public IReadOnlyList<AgendaItem> Agenda => AgendaNumbering.Order(items);

    private static Failure? FirstFailure(params Failure?[] failures) => failures.FirstOrDefault(f => f is not null);

    private static Failure? PurposeFailure(ItemPurpose purpose) =>
        Enum.IsDefined(purpose) ? null : Failure.Validation(nameof(AgendaItem.Purpose), "Choose the purpose: decision, discussion or information.");

    private static Failure? PartFailure(AgendaItem? parent, bool isPrivate) =>
        parent is not null && parent.IsPrivate != isPrivate
            ? Failure.Validation(nameof(AgendaItem.IsPrivate), $"A sub-item is in its parent's part: item {parent.Number} is {(parent.IsPrivate ? "private" : "public")}.")
            : null;

    private List<AgendaItem> SiblingsOf(Guid? parentItemId, bool isPrivate) =>
        [.. items.Where(i => i.ParentItemId == parentItemId && (parentItemId is not null || i.IsPrivate == isPrivate)).OrderBy(i => i.Position)];

    private static void Restack(List<AgendaItem> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].MoveTo(i + 1);
        }
    }

    // Before publication the numbers follow the order; after it they are frozen (ADR-0018).
    private void RenumberDraft()
    {
        if (AgendaPublishedAt is not null)
        {
            return;
        }

        foreach (var (item, number) in AgendaNumbering.Renumber(items))
        {
            item.Renumber(number);
        }
    }

    /// <summary>Replaces the bodies an item affects (the caller checks they belong to the organisation).</summary>
    public CommandResult ChangeAffectedBodies(Guid itemId, IEnumerable<Guid> bodyIds)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        item.Affects(bodyIds);
        item.Touch();
        Touch();
        return CommandResult.Success();
    }

    /// <summary>Records a member's apologies; <paramref name="deputyAttends"/> says whether their named deputy comes in their place.</summary>
    public CommandResult SendApologies(Guid membershipId, bool deputyAttends = true)
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

        // The apologies say whether the named deputy comes: the forecast and the quorum expected follow that.
        if (deputyAttends == apologiesWithoutDeputy.Contains(membershipId))
        {
            apologiesWithoutDeputy = deputyAttends ? [.. apologiesWithoutDeputy.Where(m => m != membershipId)] : [.. apologiesWithoutDeputy, membershipId];
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

        if (OutOfTheRoomFor(membershipId) is { } item && !item.IsClosed && item.Id == CurrentItemId)
        {
            return Failure.Rule($"The person presiding ruled that this member leaves the room for item {item.Number}. Record their return once the item is closed or another item is taken, or change the ruling.");
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

    /// <summary>The one statement of the rule that nobody rules on their own conflict (rule book section 5).</summary>
    public static Failure? OwnConflict(Guid membershipId, Guid? ruledByMembershipId) =>
        ruledByMembershipId == membershipId
            ? Failure.Rule("A member cannot rule on their own conflict: the vice chair (or another unconflicted member) rules instead.")
            : null;

    /// <summary>
    /// Records (or changes) the ruling on a member's conflict for an item. Attendance follows the ruling: "leaves the
    /// room" records the departure of whoever holds the seat at <paramref name="at"/>, for this item, and changing that
    /// ruling while they are out records their return, so the record never has someone in the room a ruling sent out.
    /// </summary>
    public CommandResult<ItemRuling> RecordRuling(Guid itemId, Guid membershipId, string? interest, ConflictRuling ruling, Guid? ruledByMembershipId, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        if (OwnConflict(membershipId, ruledByMembershipId) is { } own)
        {
            return own;
        }

        if (!Enum.IsDefined(ruling))
        {
            return Failure.Validation("ruling", "Choose one of the four rulings.");
        }

        var checkedInterest = Text.Required("Interest", interest, ItemRuling.InterestMaxLength);
        if (!checkedInterest.TryGetValue(out var cleanInterest, out var failure))
        {
            return failure;
        }

        var existing = rulings.FirstOrDefault(r => r.ItemId == itemId && r.MembershipId == membershipId);
        ItemRuling made;
        if (existing is not null)
        {
            existing.Change(cleanInterest, ruling, ruledByMembershipId, at);
            made = existing;
        }
        else
        {
            made = new ItemRuling(Id, OrganisationId, itemId, membershipId, cleanInterest, ruling, ruledByMembershipId, at);
            rulings.Add(made);
        }

        if (item.Id == CurrentItemId && FollowRuling(item, membershipId, ruling, at))
        {
            // Attendance moved: a screen showing the old attendance is stale.
            Touch();
        }

        item.Touch();
        return CommandResult<ItemRuling>.Success(made);
    }

    /// <summary>
    /// Moves attendance to match a ruling on the item under way; a ruling made in advance for a later item takes effect
    /// when that item is taken (<see cref="TakeItem"/>). Says whether attendance changed.
    /// </summary>
    private bool FollowRuling(AgendaItem item, Guid membershipId, ConflictRuling ruling, DateTimeOffset at)
    {
        var there = attendance.FirstOrDefault(a => a.MembershipId == membershipId && a.LeftAt is null);
        if (ruling == ConflictRuling.LeavesRoom)
        {
            there?.Leave(at, item.Id);
            return there is not null;
        }

        if (there is null && OutOfTheRoomFor(membershipId) is { } outFor && outFor.Id == item.Id)
        {
            var left = attendance.Where(a => a.MembershipId == membershipId).MaxBy(a => a.ArrivedAt)!;
            attendance.Add(new AttendanceRecord(Id, OrganisationId, membershipId, left.DeputyPersonId, at));
            return true;
        }

        return false;
    }

    private AttendanceRecord? LeftTheRoomFor(Guid membershipId, Guid itemId, DateTimeOffset moment)
    {
        var latest = attendance.Where(a => a.MembershipId == membershipId && a.ArrivedAt <= moment).MaxBy(a => a.ArrivedAt);
        return latest?.LeftForItemId == itemId ? latest : null;
    }

    /// <summary>The item a seat's holder left the room for under a ruling and has not yet returned from, if any.</summary>
    public AgendaItem? OutOfTheRoomFor(Guid membershipId)
    {
        var latest = attendance.Where(a => a.MembershipId == membershipId).MaxBy(a => a.ArrivedAt);
        return latest is { LeftAt: not null, LeftForItemId: { } itemId } ? items.FirstOrDefault(i => i.Id == itemId) : null;
    }

    /// <summary>
    /// Those who left the room under a ruling for an item the meeting has moved on from (or closed): the console offers
    /// to record their return.
    /// </summary>
    public IReadOnlyList<(Guid MembershipId, AgendaItem LeftFor)> ReturnsDue() =>
        [.. attendance.Select(a => a.MembershipId).Distinct()
            .Select(m => (MembershipId: m, LeftFor: OutOfTheRoomFor(m)))
            .Where(x => x.LeftFor is { } item && (item.IsClosed || item.Id != CurrentItemId))
            .Select(x => (x.MembershipId, x.LeftFor!))];

    /// <summary>
    /// Each seat as it stands for an item at a moment: present, deputised or absent from the attendance records,
    /// with the ruling for that item. This is what quorum and eligibility are judged on.
    /// </summary>
    public IReadOnlyList<SeatAtItem> SeatsAt(Guid itemId, IReadOnlyList<Seat> seats, DateTimeOffset moment, IReadOnlyDictionary<Guid, string> deputyNames)
    {
        var result = new List<SeatAtItem>(seats.Count);
        foreach (var seat in seats)
        {
            // Someone who left the room for this item under a ruling is still at the meeting: the ruling, not an absence,
            // is what removes them from this item's quorum and vote, and the explanation says so.
            var there = attendance.FirstOrDefault(a => a.MembershipId == seat.MembershipId && a.IsThereAt(moment))
                ?? LeftTheRoomFor(seat.MembershipId, itemId, moment);
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
    /// Each seat as expected for an item before the meeting: everyone except those who sent apologies, a member with a
    /// named deputy being expected to send the deputy unless the apologies said no deputy comes, with the rulings already made for the item.
    /// </summary>
    public IReadOnlyList<SeatAtItem> ExpectedSeatsAt(Guid itemId, IReadOnlyList<Seat> seats, Func<Guid, string?> deputyNameFor)
    {
        var result = new List<SeatAtItem>(seats.Count);
        foreach (var seat in seats)
        {
            var ruling = rulings.FirstOrDefault(r => r.ItemId == itemId && r.MembershipId == seat.MembershipId)?.Ruling ?? ConflictRuling.FullPart;
            result.Add(!apologies.Contains(seat.MembershipId) ? SeatAtItem.PresentWith(seat, ruling)
                : !apologiesWithoutDeputy.Contains(seat.MembershipId) && deputyNameFor(seat.MembershipId) is { } deputy ? SeatAtItem.Deputised(seat, deputy, ruling)
                : SeatAtItem.AbsentFrom(seat));
        }

        return result;
    }

    /// <summary>
    /// Publishes the agenda on <paramref name="at"/>. With less than three clear days' notice it is refused unless a
    /// reason for the short notice is given, which is kept with the meeting. <paramref name="notice"/> is the
    /// organisation's notice period in force on the meeting date (local rules, ADR-0025); three clear days by default.
    /// </summary>
    public CommandResult PublishAgenda(DateTimeOffset at, string? shortNoticeReason, NoticePeriod notice = NoticePeriod.ThreeClearDays)
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

        var warning = AgendaNotice.ShortNoticeWarning(DateOnly.FromDateTime(at.UtcDateTime), Date, notice);
        var reason = Text.Optional(nameof(ShortNoticeReason), shortNoticeReason, ExclusionResolution.ReasonMaxLength);
        if (reason.TryGetFailure(out var failure))
        {
            return failure;
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

    /// <summary>
    /// Moves the meeting to an item at <paramref name="at"/>. A private item can be taken only after the public are
    /// excluded. Anyone ruled in advance to leave the room for this item leaves as it is taken.
    /// </summary>
    public CommandResult TakeItem(Guid itemId, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsWithdrawn)
        {
            return Failure.Rule($"Item {item.Number} was withdrawn from the agenda: {item.WithdrawnReason}");
        }

        if (item.IsPrivate && Exclusion is null)
        {
            return Failure.Rule("This item is in the private part: pass the resolution excluding the public before taking it.");
        }

        CurrentItemId = itemId;
        item.Take();
        if (!item.IsClosed)
        {
            foreach (var ruling in rulings.Where(r => r.ItemId == itemId && r.Ruling == ConflictRuling.LeavesRoom))
            {
                FollowRuling(item, ruling.MembershipId, ruling.Ruling, at);
            }
        }

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
        if (checkedReason.TryGetFailure(out var failure))
        {
            return failure;
        }

        var stated = checkedReason.Value ?? ExclusionResolution.ConfidentialBusiness;
        Exclusion = new ExclusionResolution(stated, ExclusionResolution.WordingFor(stated), at);
        Touch();
        return CommandResult.Success();
    }

    /// <summary>A declaration at the start (no item) or at an item, by the member or raised by someone else.</summary>
    public CommandResult<MeetingDeclaration> Declare(Guid membershipId, Guid? itemId, string? interest, string? raisedBy, DateTimeOffset at) =>
        Declare(membershipId, itemId, interest, raisedBy, registerDeclarationId: null, at);

    private CommandResult<MeetingDeclaration> Declare(Guid membershipId, Guid? itemId, string? interest, string? raisedBy, Guid? registerDeclarationId, DateTimeOffset at)
    {
        var item = itemId is { } id ? items.FirstOrDefault(i => i.Id == id) : null;
        if (itemId is not null && item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item is { IsClosed: true })
        {
            return item.ClosedFailure();
        }

        var checkedInterest = Text.Required("interest", interest, MeetingDeclaration.InterestMaxLength);
        if (!checkedInterest.TryGetValue(out var cleanInterest, out var failure))
        {
            return failure;
        }

        var checkedRaisedBy = Text.Optional("raisedBy", raisedBy, MeetingDeclaration.RaisedByMaxLength);
        if (checkedRaisedBy.TryGetFailure(out var checkedRaisedByFailure))
        {
            return checkedRaisedByFailure;
        }

        var declaration = new MeetingDeclaration(Id, OrganisationId, itemId, membershipId, cleanInterest, checkedRaisedBy.Value, registerDeclarationId, at);
        declarations.Add(declaration);
        if (item is null)
        {
            Touch();
        }
        else
        {
            item.Touch();
        }

        return CommandResult<MeetingDeclaration>.Success(declaration);
    }

    // --- likely conflicts from the register --------------------------------------------------------------------------

    /// <summary>Whether a flag has been dealt with at the meeting: declared from the register entry, or dismissed with a reason.</summary>
    public bool IsResolved(PreFlag flag) => IsDeclared(flag) || DismissalOf(flag) is not null;

    public bool IsDeclared(PreFlag flag) =>
        declarations.Any(d => d.RegisterDeclarationId == flag.Interest.DeclarationId && d.MembershipId == flag.Candidate.MembershipId && d.Concerns(flag.ItemId));

    public PreFlagDismissal? DismissalOf(PreFlag flag) =>
        flagDismissals.FirstOrDefault(x => x.ItemId == flag.ItemId && x.MembershipId == flag.Candidate.MembershipId && x.DeclarationId == flag.Interest.DeclarationId);

    /// <summary>
    /// Turns a likely conflict into a declaration at its item, worded from the register entry, for the person presiding
    /// to rule on.
    /// </summary>
    public CommandResult<MeetingDeclaration> DeclareFlag(PreFlag flag, string interest, string? raisedBy, DateTimeOffset at)
    {
        if (IsResolved(flag))
        {
            return Failure.Rule($"The likely conflict of {flag.Candidate.Name} on this item is already {(IsDeclared(flag) ? "declared" : "dismissed")}.");
        }

        var text = interest.Length > MeetingDeclaration.InterestMaxLength ? interest[..MeetingDeclaration.InterestMaxLength] : interest;
        return Declare(flag.Candidate.MembershipId, flag.ItemId, text, raisedBy, flag.Interest.DeclarationId, at);
    }

    /// <summary>The person presiding dismisses a likely conflict as not relevant to the item; the reason is required and kept.</summary>
    public CommandResult<PreFlagDismissal> DismissFlag(PreFlag flag, string? reason, Guid dismissedByMembershipId, DateTimeOffset at)
    {
        var item = items.FirstOrDefault(i => i.Id == flag.ItemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        if (OwnConflict(flag.Candidate.MembershipId, dismissedByMembershipId) is { } own)
        {
            return own;
        }

        if (IsResolved(flag))
        {
            return Failure.Rule($"The likely conflict of {flag.Candidate.Name} on this item is already {(IsDeclared(flag) ? "declared" : "dismissed")}.");
        }

        var checkedReason = Text.Required("reason", reason, PreFlagDismissal.ReasonMaxLength);
        if (!checkedReason.TryGetValue(out var cleanReason, out var failure))
        {
            return string.IsNullOrWhiteSpace(reason)
                ? Failure.Validation("reason", "Say why the interest is not relevant to this item: the reason is kept in the record.")
                : failure;
        }

        var dismissal = new PreFlagDismissal(Id, OrganisationId, flag, cleanReason, dismissedByMembershipId, at);
        flagDismissals.Add(dismissal);
        item.Touch();
        return CommandResult<PreFlagDismissal>.Success(dismissal);
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
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
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
        item.Touch();
        return CommandResult<QuorumConfirmation>.Success(confirmation);
    }

    /// <summary>Someone in attendance who is not a member.</summary>
    public CommandResult<PersonInAttendance> AddPersonInAttendance(string? name, string? capacity, DateTimeOffset at)
    {
        var checkedName = Text.Required("name", name, PersonInAttendance.NameMaxLength);
        if (!checkedName.TryGetValue(out var cleanName, out var failure))
        {
            return failure;
        }

        var checkedCapacity = Text.Required("capacity", capacity, PersonInAttendance.CapacityMaxLength);
        if (!checkedCapacity.TryGetValue(out var cleanCapacity, out var checkedCapacityFailure))
        {
            return checkedCapacityFailure;
        }

        var person = new PersonInAttendance(Id, OrganisationId, cleanName, cleanCapacity, at);
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

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        if (outcome == ItemOutcomeKind.Noted && item.Purpose == ItemPurpose.Decision)
        {
            return Failure.Rule("This item is for decision: record a vote or a consensus decision, or defer or refer it.");
        }

        var checkedNote = Text.Optional("note", note, AgendaItem.OutcomeNoteMaxLength);
        if (checkedNote.TryGetFailure(out var failure))
        {
            return failure;
        }

        if (outcome == ItemOutcomeKind.Referred && checkedNote.Value is null)
        {
            return Failure.Validation("note", "Say where the item is referred to (the governing body or which committee).");
        }

        item.Conclude(outcome, checkedNote.Value, at);
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
    /// Whether the item may be decided now: open, every declaration on it ruled on, and every likely conflict from the
    /// register of someone there (<paramref name="flagsOfThoseThere"/>) declared or dismissed. The refusal names them.
    /// </summary>
    public CommandResult ReadyToDecide(Guid itemId, IReadOnlyList<PreFlag> flagsOfThoseThere, Func<Guid, string> nameOf)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return Failure.NotFound("The agenda item");
        }

        if (item.IsClosed)
        {
            return item.ClosedFailure();
        }

        if (DeclarationsAwaitingRuling(itemId) is { Count: > 0 } awaiting)
        {
            return Failure.Rule($"Nothing was recorded: the declarations of {string.Join(", ", awaiting.Select(nameOf))} on this item await the ruling of the person presiding. Rule on them first.");
        }

        var unresolved = flagsOfThoseThere.Where(f => f.ItemId == itemId && !IsResolved(f)).ToList();
        if (unresolved.Count > 0)
        {
            var which = string.Join("; ", unresolved.Select(f => $"{f.Candidate.Name}: {f.Interest.Details?.Nature ?? "an interest in the register"}"));
            return Failure.Rule($"Nothing was recorded: the register flags likely conflicts on this item for people present that have not been declared or dismissed ({which}). Declare each (the person presiding then rules on it) or dismiss it with a reason first.");
        }

        return CommandResult.Success();
    }

    /// <summary>Closes the item with its decision or the chair's choice when inquorate, after <see cref="ReadyToDecide"/>.</summary>
    public CommandResult Close(Guid itemId, ItemClosure closure, IReadOnlyList<PreFlag> flagsOfThoseThere, Func<Guid, string> nameOf, DateTimeOffset at)
    {
        var ready = closure == ItemClosure.InquorateResolution ? OpenItem(itemId) : ReadyToDecide(itemId, flagsOfThoseThere, nameOf);
        if (!ready.Succeeded)
        {
            return ready;
        }

        items.Single(i => i.Id == itemId).Close(closure, at);
        return CommandResult.Success();
    }

    private CommandResult OpenItem(Guid itemId)
    {
        var item = items.FirstOrDefault(i => i.Id == itemId);
        return item is null ? Failure.NotFound("The agenda item")
            : item.IsClosed ? item.ClosedFailure()
            : CommandResult.Success();
    }

    private void Touch() => Version = Guid.NewGuid();
}

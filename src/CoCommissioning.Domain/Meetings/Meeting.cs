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

    private List<Guid> affectedBodyIds = [];

    private AgendaItem()
    {
        Title = "";
    }

    internal AgendaItem(Guid meetingId, Guid organisationId, int number, string title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid> affectedBodyIds)
    {
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

    /// <summary>Taken in the private part, after a resolution excludes the public.</summary>
    public bool IsPrivate { get; private set; }

    /// <summary>
    /// The organisation's bodies (practices, PCNs, federations, suppliers) this item affects: matched against the
    /// bodies members' interests concern, this is what pre-flags likely conflicts before the meeting.
    /// </summary>
    public IReadOnlyList<Guid> AffectedBodyIds => affectedBodyIds;

    // A fresh list, not an edit in place, so EF Core sees the primitive collection change.
    internal void Affects(IEnumerable<Guid> bodyIds) => affectedBodyIds = [.. bodyIds.Distinct()];
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
    public CommandResult<AgendaItem> AddItem(string? title, ItemPurpose purpose, bool isPrivate, IEnumerable<Guid>? affectedBodyIds = null)
    {
        var checkedTitle = Text.Required(nameof(AgendaItem.Title), title, AgendaItem.TitleMaxLength);
        if (!checkedTitle.Succeeded)
        {
            return checkedTitle.Failure!;
        }

        var item = new AgendaItem(Id, OrganisationId, items.Count == 0 ? 1 : items.Max(i => i.Number) + 1, checkedTitle.Value!, purpose, isPrivate, affectedBodyIds ?? []);
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
    /// Marks that a decision was taken on the record as it stands, so a concurrent change to attendance or rulings
    /// and the decision collide instead of the decision standing on attendance that no longer holds.
    /// </summary>
    public void DecisionTaken() => Touch();

    private void Touch() => Version = Guid.NewGuid();
}

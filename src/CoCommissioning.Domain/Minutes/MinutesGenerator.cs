using System.Globalization;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Minutes;

/// <summary>
/// Turns a meeting's record into the minutes of one part, in words. Pure: the same record, part, version and
/// narratives always give the same document, which is what lets an approved version be checked against its hash.
/// <para>
/// The public part holds the public items only, declarations only as they concern public items, and of the
/// resolution excluding the public only the fact that it was passed. The private part holds the private items, their
/// declarations and the resolution in full. Attendance is in both.
/// </para>
/// </summary>
public static class MinutesGenerator
{
    /// <summary>
    /// The generator's wording, stored in each document (<see cref="MinutesDocument.Format"/>). Raise it whenever the same
    /// record would be put into different words, so approved minutes of an earlier format are not reported as
    /// differing from the record when only the wording changed. 2: every member present has times ("Throughout"),
    /// and the resolution excluding the public stands where it was passed among the items. 3: item numbers are text
    /// ("2.1", ADR-0018) and withdrawn items say so.
    /// </summary>
    public const int Format = 3;

    /// <summary>Arrivals within this long of the start are "from the start": the clock is read to the minute.</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromMinutes(1);

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>UK local time, "HH:mm".</summary>
    public static string Clock(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static MinutesDocument Generate(MinutesSource source, MinutesPart part, int version, MinutesStatus status, IReadOnlyDictionary<Guid, string> narratives)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(narratives);
        // The source lists items in agenda order, with the agenda's numbers (ADR-0018).
        var items = source.Items.Where(i => i.IsPrivate == (part == MinutesPart.Private)).ToList();
        var members = source.Members.ToDictionary(m => m.MembershipId);

        var document = new MinutesDocument(
            source.OrganisationName,
            source.CommitteeName,
            source.MeetingTitle,
            source.StartsAt.ToUniversalTime(),
            part,
            version,
            status.ToString(),
            Present(source),
            Apologies(source, members),
            [.. source.InAttendance.Select(g => new AttendeeLine(g.Name, g.Capacity, null))],
            Declarations(source, items),
            Exclusion(source, part, items),
            [.. items.Select(i => Item(source, i, narratives))])
        {
            ExclusionAfterItems = ItemsBeforeExclusion(source, items),
            Format = Format,
        };

        // Actions not raised at an item belong to the meeting as a whole: they go with the public part, as the
        // action log they come from is open to every member.
        return part == MinutesPart.Public
            ? document with { GeneralActions = [.. source.Actions.Where(a => a.ItemId is null).Select(ToLine)] }
            : document;
    }

    // --- attendance -----------------------------------------------------------------------------------------------

    private static List<AttendeeLine> Present(MinutesSource source)
    {
        var lines = new List<AttendeeLine>();
        foreach (var member in source.Members)
        {
            var stretches = source.Attendance.Where(a => a.MembershipId == member.MembershipId).OrderBy(a => a.ArrivedAt).ToList();
            var own = stretches.Where(s => s.DeputyName is null).ToList();
            if (own.Count > 0)
            {
                lines.Add(new AttendeeLine(member.Name, member.Capacity, Times(source.StartsAt, own)));
            }

            foreach (var deputy in stretches.Where(s => s.DeputyName is not null).GroupBy(s => s.DeputyName!))
            {
                lines.Add(new AttendeeLine(deputy.Key, $"Deputy for {member.Name} ({member.Capacity})", Times(source.StartsAt, [.. deputy])));
            }
        }

        return lines;
    }

    /// <summary>What the Times column says of someone there from the start with no departure recorded.</summary>
    public const string Throughout = "Throughout";

    /// <summary>
    /// When someone came and went: "Arrived at 10:05, left at 10:42, returned at 10:58", or <see cref="Throughout"/>
    /// when they were there from the start and no departure is recorded, so every line of the attendance says something.
    /// </summary>
    public static string Times(DateTimeOffset startsAt, IReadOnlyList<MinutesStretch> stretches)
    {
        var parts = new List<string>();
        for (var i = 0; i < stretches.Count; i++)
        {
            var stretch = stretches[i];
            if (i > 0)
            {
                parts.Add($"returned at {Clock(stretch.ArrivedAt)}");
            }
            else if (stretch.ArrivedAt > startsAt + StartGrace)
            {
                parts.Add($"arrived at {Clock(stretch.ArrivedAt)}");
            }

            if (stretch.LeftAt is { } left)
            {
                parts.Add($"left at {Clock(left)}");
            }
        }

        return parts.Count == 0 ? Throughout : Capitalise(string.Join(", ", parts));
    }

    private static List<string> Apologies(MinutesSource source, Dictionary<Guid, MinutesMember> members)
    {
        var lines = new List<string>();
        foreach (var membershipId in source.Apologies)
        {
            var name = members.TryGetValue(membershipId, out var member) ? member.Name : "A member";
            var deputies = source.Attendance.Where(a => a.MembershipId == membershipId && a.DeputyName is not null).Select(a => a.DeputyName!).Distinct().ToList();
            lines.Add(deputies.Count == 0 ? name : $"{name} ({string.Join(" and ", deputies)} attended as deputy)");
        }

        return lines;
    }

    // --- declarations ---------------------------------------------------------------------------------------------

    private static List<DeclarationLine> Declarations(MinutesSource source, List<MinutesItemSource> items)
    {
        var inPart = items.ToDictionary(i => i.Id);
        var lines = new List<DeclarationLine>();
        var covered = new HashSet<(Guid Item, Guid Membership)>();
        foreach (var declaration in source.Declarations.OrderBy(d => d.DeclaredAt))
        {
            if (declaration.ItemId is { } at && !inPart.ContainsKey(at))
            {
                continue;
            }

            if (declaration.ItemId is null && items.Count == 0)
            {
                continue;
            }

            var concerned = declaration.ItemId is { } itemId ? [inPart[itemId]] : items;
            var management = new List<string>();
            foreach (var item in concerned)
            {
                covered.Add((item.Id, declaration.MembershipId));
                var ruling = source.Rulings.FirstOrDefault(r => r.ItemId == item.Id && r.MembershipId == declaration.MembershipId);
                if (ruling is not null)
                {
                    management.Add(Management(source, item, ruling));
                }
                else if (declaration.ItemId is not null)
                {
                    management.Add($"Item {item.Number} ({item.Title}): no ruling was recorded.");
                }
            }

            lines.Add(new DeclarationLine(declaration.Name, declaration.Interest, declaration.RaisedBy, management));
        }

        // A ruling recorded without a declaration at the meeting still shows how the conflict was managed.
        foreach (var ruling in source.Rulings.Where(r => inPart.ContainsKey(r.ItemId) && !covered.Contains((r.ItemId, r.MembershipId))).OrderBy(r => r.RecordedAt))
        {
            lines.Add(new DeclarationLine(ruling.Name, ruling.Interest, null, [Management(source, inPart[ruling.ItemId], ruling)]));
        }

        // A likely conflict the register flagged and the person presiding dismissed is part of the record too, with why.
        foreach (var dismissal in (source.FlagDismissals ?? []).Where(d => inPart.ContainsKey(d.ItemId)).OrderBy(d => d.DismissedAt))
        {
            var item = inPart[dismissal.ItemId];
            lines.Add(new DeclarationLine(
                dismissal.Name,
                $"Likely conflict flagged from the register of interests on item {item.Number}",
                ConflictPreFlags.FlaggedByTheRegister,
                [$"Item {item.Number} ({item.Title}): {dismissal.DismissedBy} dismissed it as not relevant to the item: {dismissal.Reason}"]));
        }

        return lines;
    }

    /// <summary>"Item 3 (Title): Helen Carter ruled that Rachel Adams leaves the room for the item. Left the room at 10:42 for item 3 and returned at 10:58."</summary>
    private static string Management(MinutesSource source, MinutesItemSource item, MinutesRulingSource ruling)
    {
        var who = ruling.RuledBy is null ? "It was ruled" : $"{ruling.RuledBy} ruled";
        var text = $"Item {item.Number} ({item.Title}): {who} that {ruling.Name} {ruling.Ruling.Describe()}.";
        return ruling.Ruling == ConflictRuling.LeavesRoom ? $"{text} {LeftTheRoom(source, item, ruling)}" : text;
    }

    /// <summary>
    /// The evidence the member left: the first departure of the seat at or after the ruling (and before the item's
    /// decision, when there is one), and the next arrival after it.
    /// </summary>
    private static string LeftTheRoom(MinutesSource source, MinutesItemSource item, MinutesRulingSource ruling)
    {
        var stretches = source.Attendance.Where(a => a.MembershipId == ruling.MembershipId).OrderBy(a => a.ArrivedAt).ToList();
        var decidedAt = source.Decisions.FirstOrDefault(d => d.ItemId == item.Id)?.DecidedAt;
        var left = stretches.FirstOrDefault(s => s.LeftAt is { } l && l >= ruling.RecordedAt && (decidedAt is null || l <= decidedAt));
        if (left is not null)
        {
            return $"Left the room at {Clock(left.LeftAt!.Value)} for item {item.Number}{Return(stretches, left.LeftAt!.Value)}.";
        }

        // Already out of the room when the ruling was recorded (the departure was recorded first).
        if (!stretches.Any(s => s.ArrivedAt <= ruling.RecordedAt && (s.LeftAt is null || ruling.RecordedAt < s.LeftAt)))
        {
            var earlier = stretches.LastOrDefault(s => s.LeftAt is { } l && l < ruling.RecordedAt);
            return earlier is null
                ? "Was not in the room when the ruling was recorded."
                : $"Had left the room at {Clock(earlier.LeftAt!.Value)} (before the ruling was recorded){Return(stretches, earlier.LeftAt!.Value)}.";
        }

        return decidedAt is null
            ? "No departure is recorded after the ruling."
            : "No departure is recorded between the ruling and the decision.";
    }

    private static string Return(List<MinutesStretch> stretches, DateTimeOffset leftAt) =>
        stretches.FirstOrDefault(s => s.ArrivedAt >= leftAt) is { } returned ? $" and returned at {Clock(returned.ArrivedAt)}" : " and did not return";

    private static string? Exclusion(MinutesSource source, MinutesPart part, List<MinutesItemSource> items)
    {
        if (source.Exclusion is not { } exclusion)
        {
            return null;
        }

        return part == MinutesPart.Private
            ? exclusion.Wording
            : $"At {Clock(exclusion.PassedAt)} the committee resolved that the public be excluded from the remainder of the meeting.";
    }

    /// <summary>
    /// How many of the part's items come before the resolution excluding the public. The record keeps when it was
    /// passed but not when each item was taken; a private item can be taken only once it is passed, so it stands
    /// before the first private item on the agenda: first in the private part, and in the public part after the public
    /// items before that point (after the last public item, on the usual agenda). With no private item, after every item.
    /// </summary>
    private static int? ItemsBeforeExclusion(MinutesSource source, List<MinutesItemSource> items)
    {
        if (source.Exclusion is null)
        {
            return null;
        }

        var agenda = source.Items.ToList();
        var firstPrivate = agenda.FindIndex(i => i.IsPrivate);
        return firstPrivate >= 0 ? items.Count(i => agenda.IndexOf(i) < firstPrivate) : items.Count;
    }

    // --- items ----------------------------------------------------------------------------------------------------

    private static MinutesItem Item(MinutesSource source, MinutesItemSource item, IReadOnlyDictionary<Guid, string> narratives)
    {
        var decision = source.Decisions.FirstOrDefault(d => d.ItemId == item.Id);
        return new MinutesItem(
            item.Id,
            item.Number,
            item.Title,
            Purpose(item.Purpose),
            item.Presenter,
            Quorum(source, item, decision),
            narratives.TryGetValue(item.Id, out var narrative) ? narrative : "",
            Outcome(item, decision),
            [.. source.Actions.Where(a => a.ItemId == item.Id).Select(ToLine)]);
    }

    public static string Purpose(ItemPurpose purpose) => purpose switch
    {
        ItemPurpose.Decision => "For decision",
        ItemPurpose.Discussion => "For discussion",
        _ => "For information",
    };

    private static string? Quorum(MinutesSource source, MinutesItemSource item, MinutesDecisionSource? decision)
    {
        var confirmations = source.QuorumConfirmations.Where(q => q.ItemId == item.Id).OrderBy(q => q.ConfirmedAt).ToList();
        if (confirmations.Count == 1)
        {
            var only = confirmations[0];
            return $"Quorum confirmed by {only.ConfirmedBy} at {Clock(only.ConfirmedAt)}. {only.Explanation}";
        }

        if (confirmations.Count > 1)
        {
            var each = string.Join(", ", confirmations.Select(q => $"{Clock(q.ConfirmedAt)} ({q.ConfirmedBy})"));
            return $"Quorum confirmed at {each}. {confirmations[^1].Explanation}";
        }

        return decision is null ? null : $"Quorate when the decision was recorded at {Clock(decision.DecidedAt)}. {decision.QuorumExplanation}";
    }

    /// <summary>The decision with its tally or consensus and who presided; or noted, deferred, referred; or an inquorate item's choice.</summary>
    public static string? Outcome(MinutesItemSource item, MinutesDecisionSource? decision)
    {
        if (decision is not null)
        {
            var carried = decision.Outcome is VoteOutcome.Carried or VoteOutcome.CarriedOnCastingVote;
            var how = decision.Kind == DecisionKind.Consensus ? "by consensus" : "by vote";
            var lead = carried ? $"RESOLVED ({how}): {Sentence(decision.Resolution)}" : $"Not resolved ({how}): {Sentence(decision.Resolution)}";
            var presided = decision.PresidedBy is null ? "" : $" {decision.PresidedBy} presided.";
            return $"{lead} {Sentence(decision.Explanation)}{presided}";
        }

        if (item.WithdrawnReason is { } withdrawn)
        {
            return $"Withdrawn from the agenda: {Sentence(withdrawn)}";
        }

        if (item.InquorateAction is { } action)
        {
            var what = action switch
            {
                InquorateAction.Defer => "deferred",
                InquorateAction.Refer => "referred",
                _ => "decided with a co-opted member",
            };
            return $"Not quorate: {what}. {Sentence(item.InquorateDetail ?? "")}".TrimEnd();
        }

        return item.Outcome switch
        {
            ItemOutcomeKind.Noted => item.OutcomeNote is null ? "Noted." : $"Noted: {Sentence(item.OutcomeNote)}",
            ItemOutcomeKind.Deferred => item.OutcomeNote is null ? "Deferred." : $"Deferred: {Sentence(item.OutcomeNote)}",
            ItemOutcomeKind.Referred => $"Referred: {Sentence(item.OutcomeNote ?? "")}",
            _ => null,
        };
    }

    private static ActionLine ToLine(MinutesActionSource action) => new(action.Description, action.Owner, action.Due);

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

using BenchmarkDotNet.Attributes;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Minutes.Export;

namespace CoCommissioning.Benchmarks;

/// <summary>
/// Issue 6: the time from a 20-item meeting's record (15 members, comings and goings, 5 declarations with rulings,
/// a decision on every item, actions) to its public minutes as a PDF: the generator, then the renderer. The record
/// is already in memory; reading it from the database is a handful of queries, measured with the console's read.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MinutesGenerateAndRenderBenchmarks
{
    private readonly MinutesPdfRenderer pdf = new();
    private MinutesSource source = null!;
    private Dictionary<Guid, string> narratives = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        var members = Enumerable.Range(1, 15).Select(i => new MinutesMember(Guid.NewGuid(), $"Member {i:00} Surname", i == 1 ? "Chair; Lay member" : "Voting member")).ToList();
        var items = Enumerable.Range(1, 20).Select(i => new MinutesItemSource(Guid.NewGuid(), $"{i}", $"Item {i:00}: primary care network enhanced access review", ItemPurpose.Decision, $"Presenter {i}", i > 17, null, null)).ToList();
        var attendance = members.Select((m, i) => new MinutesStretch(m.MembershipId, null, start.AddMinutes(i % 4 == 0 ? 10 : 0), i % 5 == 0 ? start.AddMinutes(100) : null)).ToList();
        var declarations = Enumerable.Range(0, 5).Select(i => new MinutesDeclarationSource(members[i + 2].MembershipId, members[i + 2].Name, items[i * 3].Id, "Partner at a practice the item affects", null, start.AddMinutes(5 + i))).ToList();
        var rulings = declarations.Select(d => new MinutesRulingSource(d.ItemId!.Value, d.MembershipId, d.Name, d.Interest, ConflictRuling.LeavesRoom, members[0].Name, d.DeclaredAt.AddMinutes(1))).ToList();
        var decisions = items.Select((item, i) => new MinutesDecisionSource(item.Id, i % 2 == 0 ? DecisionKind.Vote : DecisionKind.Consensus, $"Approve the recommendation on item {item.Number}.", VoteOutcome.Carried, 9, 2, 1, 12,
            "Carried: 9 for, 2 against, 1 abstention of 12 eligible.", members[0].Name, "Quorate: 12 voting members present.", start.AddMinutes(10 + (i * 5)))).ToList();
        var quorum = items.Select((item, i) => new MinutesQuorumSource(item.Id, members[0].Name, "Quorate: 12 voting members present.", start.AddMinutes(8 + (i * 5)))).ToList();
        var actions = items.Where(i => int.Parse(i.Number, System.Globalization.CultureInfo.InvariantCulture) % 2 == 0).Select(i => new MinutesActionSource(i.Id, $"Report back on item {i.Number}", members[3].Name, new DateOnly(2027, 1, 15))).ToList();
        source = new MinutesSource(Guid.NewGuid(), Guid.NewGuid(), "Example CCG", "Primary Care Commissioning Committee", "PCCC November meeting", start,
            members, [], attendance, [new MinutesGuest("Jo Bennett", "Head of Primary Care")], declarations, rulings, quorum,
            new MinutesExclusionSource("RESOLVED that the public be excluded (Section 1(2), Public Bodies (Admission to Meetings) Act 1960).", start.AddMinutes(90)),
            items, decisions, actions);
        var paragraph = "The committee received the report, which set out the **proposed changes**, the results of the engagement exercise and the financial implications.\n\n- capacity in smaller practices\n- continuity of care\n\nMembers asked about the equality impact assessment.";
        narratives = items.ToDictionary(i => i.Id, _ => paragraph);
        pdf.Render(Generate());
    }

    [Benchmark]
    public int MinutesGenerate() => Generate().Items.Count;

    [Benchmark]
    public int MinutesGenerateAndRenderPdf() => pdf.Render(Generate()).Length;

    private MinutesDocument Generate() => MinutesGenerator.Generate(source, MinutesPart.Public, 1, MinutesStatus.Draft, narratives);
}

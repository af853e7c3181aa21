using BenchmarkDotNet.Attributes;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.MeetingPack;
using CoCommissioning.Web.Tests.MeetingPack;

namespace CoCommissioning.Benchmarks;

/// <summary>
/// Issue 13: the time to build the public meeting pack of a 20-item meeting with 40 PDF papers of 10 pages each
/// (cover, agenda, 400 merged pages, outline, "Page n of N" on every page), from the papers' bytes in memory: what a
/// download costs when the agenda has changed since the stored pack was built (an unchanged agenda serves the stored
/// pack without building).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MeetingPackBenchmarks
{
    private readonly MeetingPackRenderer renderer = new();
    private PackPlan plan = null!;
    private Dictionary<Guid, byte[]> contents = null!;

    [GlobalSetup]
    public void Setup()
    {
        (var meeting, contents) = PackSample.Meeting(items: 20, papersPerItem: 2, pagesPerPaper: 10);
        plan = MeetingPackPlanner.Plan(meeting, PackPart.Public);

        // The first build loads the embedded fonts once per process; measure the steady state.
        renderer.Render(plan, contents);
    }

    [Benchmark]
    public int Plan20Items40Papers() => MeetingPackPlanner.Plan(plan.Meeting, PackPart.Public).Items.Count;

    [Benchmark]
    public int Build20Items40Papers400Pages() => renderer.Render(plan, contents).PageCount;
}

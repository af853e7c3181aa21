using BenchmarkDotNet.Attributes;
using CoCommissioning.Domain.Minutes;
using CoCommissioning.Web.Features.Minutes.Export;
using CoCommissioning.Web.Tests.Minutes;

namespace CoCommissioning.Benchmarks;

/// <summary>
/// Issue 6: the time to lay out and write the minutes of a 20-item meeting (15 present, 5 declarations, long
/// narratives, actions on every other item) as a PDF and as a Word document, from the document model in memory.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MinutesExportBenchmarks
{
    private readonly MinutesPdfRenderer pdf = new();
    private readonly MinutesWordRenderer word = new();
    private MinutesDocument document = null!;

    [GlobalSetup]
    public void Setup()
    {
        document = MinutesSample.Build(20);

        // The first render loads the embedded fonts once per process; measure the steady state.
        pdf.Render(document);
    }

    [Benchmark]
    public int MinutesPdf() => pdf.Render(document).Length;

    [Benchmark]
    public int MinutesWord() => word.Render(document).Length;
}

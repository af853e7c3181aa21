namespace CoCommissioning.Domain.Quorum;

/// <summary>How one requirement was filled: by whom, how many places are missing, and why others could not fill them.</summary>
public sealed record RequirementOutcome(int Index, string Description, int AtLeast, IReadOnlyList<string> FilledBy, IReadOnlyList<string> WhyNotOthers)
{
    public int Missing => AtLeast - FilledBy.Count;

    public bool IsMet => Missing <= 0;
}

/// <summary>The verdict on one item, with the plain-English explanation a chair reads and the evidence behind it.</summary>
public sealed record QuorumVerdict(
    bool IsQuorate,
    int Counted,
    int MinimumPresent,
    IReadOnlyList<string> CountedNames,
    IReadOnlyList<RequirementOutcome> Requirements,
    bool? ChairOrViceChairPresent,
    bool? LayMajority,
    IReadOnlyList<string> Lines)
{
    public string Explanation => string.Join(" ", Lines);
}

using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

public sealed class ProcurementDecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ProcurementDetails Details() =>
        new("Extended access awarded", new DateOnly(2023, 11, 1), "Extended access", ProcurementRoute.CompetitiveTender, 250_000m, null, null, null, null, "Acme", Today, Today.AddYears(2));

    public static TheoryData<string, Func<ProcurementDetails, ProcurementDetails>> BadInput => new()
    {
        { "title", d => d with { Title = " " } },
        { "service", d => d with { Service = "" } },
        { "contractValue", d => d with { ContractValue = -1m } },
        { "contractValue", d => d with { ContractValue = ProcurementDecision.MaximumValue + 1 } },
        { "decidedOn", d => d with { DecidedOn = Today.AddDays(1) } },
        { "decidedOn", d => d with { DecidedOn = new DateOnly(1999, 12, 31) } },
        { "contractEndsOn", d => d with { ContractEndsOn = d.ContractStartsOn!.Value.AddDays(-1) } },
        { "conflictsManagement", d => d with { ConflictsNoted = "Chair's spouse is a partner." } },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void RecordAndCorrect_BadInput_FailNamingTheField(string field, Func<ProcurementDetails, ProcurementDetails> change)
    {
        var recorded = ProcurementDecision.Record(Guid.NewGuid(), change(Details()), Today);
        var existing = ProcurementDecision.Record(Guid.NewGuid(), Details(), Today).Value!;
        var version = existing.Version;

        var corrected = existing.Correct(change(Details()), Today);

        recorded.Failure!.Kind.Should().Be(FailureKind.Validation);
        recorded.Failure.FieldErrors.Should().ContainKey(field);
        corrected.Failure!.FieldErrors.Should().ContainKey(field);
        existing.Version.Should().Be(version);
    }

    [Fact]
    public void CorrectAndLink_MoveTheVersion()
    {
        var decision = ProcurementDecision.Record(Guid.NewGuid(), Details(), Today).Value!;
        var first = decision.Version;

        decision.Correct(Details() with { Title = "  Corrected  " }, Today).Succeeded.Should().BeTrue();
        var second = decision.Version;
        var decisionId = Guid.NewGuid();
        decision.LinkDecision(decisionId);

        decision.Details.Title.Should().Be("Corrected");
        decision.DecisionId.Should().Be(decisionId);
        new[] { first, second, decision.Version }.Should().OnlyHaveUniqueItems();
    }
}

using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Domain.Tests.Interests;

/// <summary>The PSR's rules on a procurement record (rule book 8): process by date, CPV format, dates, reasons, representations.</summary>
public sealed class PsrRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly Decided = new(2026, 10, 1);

    private static ProcurementDetails Details(ProcurementRoute route) =>
        new("Extended access awarded", Decided, "Extended access", route, 250_000m, null, null, null, null, "Acme Health", null, null);

    private static PsrDetails Complete() => new()
    {
        CpvCode = "85121000-3",
        ProviderAddress = "1 High Street",
        QualityAndInnovation = "q",
        Value = "v",
        IntegrationCollaborationAndSustainability = "i",
        AccessInequalitiesAndChoice = "a",
        SocialValue = "s",
    };

    [Theory]
    [InlineData("85121000-3", true)]
    [InlineData("85121100-4", true)]
    [InlineData("85121000", false)]
    [InlineData("85121000-", false)]
    [InlineData("8512100-03", false)]
    [InlineData("85121000-33", false)]
    [InlineData("8512100A-3", false)]
    [InlineData("85121000 3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCpvCode_Format(string? code, bool valid) => PsrRules.IsCpvCode(code).Should().Be(valid);

    public static TheoryData<string, ProcurementRoute, DateOnly?, DateOnly?, string?> Dates => new()
    {
        // case, process, standstill ends, awarded, field in error (null: valid)
        { "standstill before decision", ProcurementRoute.DirectAwardC, Decided.AddDays(-1), null, "standstillEndsOn" },
        { "standstill on decision day", ProcurementRoute.DirectAwardC, Decided, null, null },
        { "award before decision", ProcurementRoute.DirectAwardA, null, Decided.AddDays(-1), "awardedOn" },
        { "award on decision day, no standstill process", ProcurementRoute.DirectAwardA, null, Decided, null },
        { "award before standstill ends", ProcurementRoute.MostSuitableProvider, Decided.AddDays(12), Decided.AddDays(11), "awardedOn" },
        { "award the day standstill ends", ProcurementRoute.CompetitiveProcess, Decided.AddDays(12), Decided.AddDays(12), null },
        { "award without standstill date", ProcurementRoute.DirectAwardC, null, Decided.AddDays(20), "standstillEndsOn" },
        { "standstill on a process without one", ProcurementRoute.UrgentAward, Decided.AddDays(5), null, "standstillEndsOn" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Record_Dates(string scenario, ProcurementRoute route, DateOnly? standstill, DateOnly? awarded, string? field)
    {
        var result = ProcurementDecision.Record(Guid.NewGuid(), Details(route), Today, Complete() with { StandstillEndsOn = standstill, AwardedOn = awarded });

        if (field is null)
        {
            result.Succeeded.Should().BeTrue(scenario);
        }
        else
        {
            result.Failure!.FieldErrors.Should().ContainKey(field, scenario);
        }
    }

    public static TheoryData<string, ProcurementRoute, Func<PsrDetails, PsrDetails>, string> BadInput => new()
    {
        { "bad CPV", ProcurementRoute.DirectAwardA, p => p with { CpvCode = "85121000" }, "cpvCode" },
        { "no CPV", ProcurementRoute.DirectAwardB, p => p with { CpvCode = null }, "cpvCode" },
        { "no address", ProcurementRoute.UrgentAward, p => p with { ProviderAddress = " " }, "providerAddress" },
        { "no quality reason", ProcurementRoute.DirectAwardC, p => p with { QualityAndInnovation = null }, "qualityAndInnovation" },
        { "no social value reason", ProcurementRoute.MostSuitableProvider, p => p with { SocialValue = "" }, "socialValue" },
        { "representations without standstill", ProcurementRoute.DirectAwardA, p => p with { RepresentationsReceived = 1, RepresentationsOutcome = "x" }, "representationsReceived" },
        { "more upheld than received", ProcurementRoute.CompetitiveProcess, p => p with { RepresentationsReceived = 1, RepresentationsUpheld = 2, RepresentationsOutcome = "x" }, "representationsUpheld" },
        { "representations without outcome", ProcurementRoute.CompetitiveProcess, p => p with { RepresentationsReceived = 2 }, "representationsOutcome" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Record_BadPsrInput_FailsNamingTheField(string scenario, ProcurementRoute route, Func<PsrDetails, PsrDetails> change, string field) =>
        ProcurementDecision.Record(Guid.NewGuid(), Details(route), Today, change(Complete())).Failure!.FieldErrors.Should().ContainKey(field, scenario);

    [Theory]
    [InlineData(ProcurementRoute.CompetitiveTender, 2023, true)]
    [InlineData(ProcurementRoute.CompetitiveTender, 2024, false)]
    [InlineData(ProcurementRoute.Other, 2025, false)]
    [InlineData(ProcurementRoute.DirectAwardA, 2024, true)]
    public void Record_PrePsrRoute_OnlyBefore2024(ProcurementRoute route, int year, bool accepted)
    {
        var result = ProcurementDecision.Record(Guid.NewGuid(), Details(route) with { DecidedOn = new DateOnly(year, 1, 1) }, Today, Complete());

        result.Succeeded.Should().Be(accepted);
        if (!accepted)
        {
            result.Failure!.FieldErrors.Should().ContainKey("route");
        }
    }

    [Fact]
    public void Record_Complete_KeepsThePsrFieldsTrimmed()
    {
        var decision = ProcurementDecision.Record(Guid.NewGuid(), Details(ProcurementRoute.DirectAwardC), Today, Complete() with { NoticeReference = "  FTS-1  " }).Value!;

        decision.Psr.NoticeReference.Should().Be("FTS-1");
        decision.Psr.CpvCode.Should().Be("85121000-3");
    }
}

using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Domain.Organisations;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Organisations;

/// <summary>Local rules in force on a date, and the notice periods' arithmetic (rule book sections 7.2 and 9, ADR-0025).</summary>
public sealed class LocalRulesTests
{
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-23", "2026-11-27", NoticePeriod.ThreeClearDays, 3, true)]   // Monday for Friday
    [InlineData("2026-11-24", "2026-11-27", NoticePeriod.ThreeClearDays, 2, false)]
    [InlineData("2026-11-20", "2026-11-27", NoticePeriod.FiveWorkingDays, 4, false)] // Friday for Friday: Mon-Thu
    [InlineData("2026-11-19", "2026-11-27", NoticePeriod.FiveWorkingDays, 5, true)]  // Thursday for the next Friday
    [InlineData("2026-11-27", "2026-11-30", NoticePeriod.FiveWorkingDays, 0, false)] // over a weekend: none
    [InlineData("2026-12-18", "2026-12-29", NoticePeriod.FiveWorkingDays, 6, true)]  // Christmas counts: no bank holiday calendar
    [InlineData("2026-11-20", "2026-11-27", NoticePeriod.SevenDays, 7, true)]        // Friday for Friday
    [InlineData("2026-11-21", "2026-11-27", NoticePeriod.SevenDays, 6, false)]
    [InlineData("2026-11-28", "2026-11-27", NoticePeriod.SevenDays, 0, false)]       // after the meeting: never negative
    public void Given_EachPeriod_CountsAsItSays(string publishedOn, string meetingOn, NoticePeriod period, int given, bool enough)
    {
        AgendaNotice.Given(period, D(publishedOn), D(meetingOn)).Should().Be(given);
        (AgendaNotice.ShortNoticeWarning(D(publishedOn), D(meetingOn), period) is null).Should().Be(enough);
    }

    [Theory]
    [InlineData(NoticePeriod.ThreeClearDays, "three clear days", "2 clear days", "at least 3")]
    [InlineData(NoticePeriod.FiveWorkingDays, "five working days", "2 working days", "at least 5")]
    [InlineData(NoticePeriod.SevenDays, "seven days", "3 days", "at least 7")]
    public void Warning_NamesThePeriodsUnit(NoticePeriod period, string words, string given, string required)
    {
        AgendaNotice.Describe(period).Should().Be(words);
        AgendaNotice.ShortNoticeWarning(D("2026-11-24"), D("2026-11-27"), period).Should().Contain(given).And.Contain(required);
    }

    [Fact]
    public void ShortNoticeWarning_WithoutAPeriod_IsThreeClearDays() =>
        AgendaNotice.ShortNoticeWarning(D("2026-11-24"), D("2026-11-27")).Should().Be(AgendaNotice.ShortNoticeWarning(D("2026-11-24"), D("2026-11-27"), NoticePeriod.ThreeClearDays));

    [Theory]
    [InlineData("1900-01-01", 25)]
    [InlineData("2026-05-31", 25)]
    [InlineData("2026-06-01", 40)]  // the day the change takes effect
    [InlineData("2026-08-31", 40)]
    [InlineData("2026-09-01", 10)]
    [InlineData("2030-01-01", 10)]
    public void InForceOn_DatedVersions_TheLatestOnOrBeforeTheDate(string date, int hospitalityFrom)
    {
        var history = HistoryWithChanges();

        history.InForceOn(D(date)).Gifts.HospitalityDeclarationFrom.Should().Be(hospitalityFrom);
    }

    [Fact]
    public void InForceOn_NoVersions_TheDefaults() =>
        new LocalRulesHistory([]).InForceOn(D("2026-06-01")).Should().Be(LocalRules.Defaults);

    [Fact]
    public void Defaults_AreTheRuleBooks()
    {
        var d = LocalRules.Defaults;
        d.Gifts.Should().Be(GiftThresholds.Guidance2017);
        (d.CycleFrequency, d.CycleWindowDays, d.AgendaNotice, d.BreachesPublished).Should().Be((DeclarationFrequency.Annual, 28, NoticePeriod.ThreeClearDays, true));
    }

    [Theory]
    [InlineData(DeclarationFrequency.Annual, 28, "2026-04-01", "2026-04-29", "2027-04-01")]
    [InlineData(DeclarationFrequency.SixMonthly, 14, "2026-04-01", "2026-04-15", "2026-10-01")]
    public void Cycle_DueAndNext_FromTheRules(DeclarationFrequency frequency, int window, string opens, string due, string next)
    {
        var rules = LocalRules.Defaults with { CycleFrequency = frequency, CycleWindowDays = window };

        rules.CycleDueOn(D(opens)).Should().Be(D(due));
        rules.NextCycleOpensOn(D(opens)).Should().Be(D(next));
    }

    [Theory]
    [InlineData("2026-05-31", "effectiveFrom")]  // before today
    [InlineData("2026-06-01", null)]             // today
    public void From_EffectiveDate_TodayOrLater(string effectiveFrom, string? field)
    {
        var result = LocalRulesVersion.From(Org, new LocalRulesHistory([LocalRulesVersion.DefaultsFor(Org, Now)]), D(effectiveFrom), LocalRules.Defaults, D("2026-06-01"), Now);

        if (field is null)
        {
            result.Succeeded.Should().BeTrue();
        }
        else
        {
            result.Failure!.FieldErrors.Should().ContainKey(field);
        }
    }

    [Theory]
    [InlineData("cycleWindowDays", 0)]
    [InlineData("cycleWindowDays", 183)]
    [InlineData("hospitalityApprovalAbove", 1)]
    public void Check_BadRules_NameTheField(string field, int value)
    {
        var rules = field == "cycleWindowDays"
            ? LocalRules.Defaults with { CycleWindowDays = value }
            : LocalRules.Defaults with { Gifts = GiftThresholds.Guidance2017 with { HospitalityApprovalAbove = value } };

        rules.Check().ToFailure().FieldErrors.Should().ContainKey(field);
    }

    [Fact]
    public void Correct_AVersionInForceBeforeToday_IsRefused()
    {
        var old = LocalRulesVersion.DefaultsFor(Org, Now);

        old.Correct(LocalRules.Defaults, D("2026-06-01"), Now).Failure!.Kind.Should().Be(FailureKind.RuleViolation);
    }

    [Fact]
    public void BreachesUnpublishedRanges_FromTheVersionsThatSaySo()
    {
        var history = HistoryWithChanges();

        history.BreachesUnpublishedRanges().Should().Equal((D("2026-06-01"), (DateOnly?)D("2026-09-01")));
    }

    private static LocalRulesHistory HistoryWithChanges()
    {
        var defaults = LocalRulesVersion.DefaultsFor(Org, Now);
        var june = LocalRulesVersion.From(Org, new([defaults]), D("2026-06-01"), LocalRules.Defaults with { Gifts = GiftThresholds.Guidance2017 with { HospitalityDeclarationFrom = 40m }, BreachesPublished = false }, D("2026-06-01"), Now).Value!;
        var september = LocalRulesVersion.From(Org, new([defaults, june]), D("2026-09-01"), LocalRules.Defaults with { Gifts = GiftThresholds.Guidance2017 with { HospitalityDeclarationFrom = 10m } }, D("2026-06-01"), Now).Value!;
        return new([september, defaults, june]);
    }
}

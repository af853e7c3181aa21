using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Notices;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Notices;

/// <summary>When notices go (ADR-0021): retries, the seven-day reminder window, the once-only key, and each person's settings.</summary>
public sealed class NoticeRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly NoticeRecipient To = new(Guid.NewGuid(), "Helen Carter", "chair@example-ccg.nhs.uk");

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, null)]   // the automatic attempts are spent: a person resends it
    [InlineData(9, null)]
    public void RetryDelay_AfterEachFailedAttempt(int attempts, int? minutes) =>
        NoticeRules.RetryDelay(attempts).Should().Be(minutes is { } m ? TimeSpan.FromMinutes(m) : null);

    [Theory]
    [InlineData("2026-12-05", false, "2026-12-05", true)]   // due today
    [InlineData("2026-12-12", false, "2026-12-05", true)]   // due in 7 days
    [InlineData("2026-12-13", false, "2026-12-05", false)]  // in 8 days: not yet
    [InlineData("2026-12-04", false, "2026-12-05", false)]  // overdue is not "due soon"
    [InlineData("2026-12-08", true, "2026-12-05", false)]   // done or dropped
    [InlineData("2027-01-01", false, "2026-12-25", true)]   // across the year end
    [InlineData("2028-03-06", false, "2028-02-28", true)]   // across the leap day: 7 days
    [InlineData("2028-03-07", false, "2028-02-28", false)]
    public void IsDueSoon(string dueOn, bool closed, string today, bool dueSoon) =>
        NoticeRules.IsDueSoon(D(dueOn), closed, D(today)).Should().Be(dueSoon);

    [Fact]
    public void IsDueSoon_NoDueDate_Never() => NoticeRules.IsDueSoon(null, false, D("2026-12-05")).Should().BeFalse();

    [Fact]
    public void DueSoonKey_OnePerActionPersonAndDueDate()
    {
        var action = Guid.NewGuid();
        var person = Guid.NewGuid();
        NoticeRules.DueSoonKey(action, person, D("2026-12-10")).Should().Be(NoticeRules.DueSoonKey(action, person, D("2026-12-10")));
        NoticeRules.DueSoonKey(action, person, D("2026-12-11")).Should().NotBe(NoticeRules.DueSoonKey(action, person, D("2026-12-10")), "a moved due date gets its own reminder");
        NoticeRules.DueSoonKey(action, Guid.NewGuid(), D("2026-12-10")).Should().NotBe(NoticeRules.DueSoonKey(action, person, D("2026-12-10")));
        NoticeRules.DueSoonKey(action, person, D("2026-12-10")).Length.Should().BeLessThanOrEqualTo(Notice.DedupKeyMaxLength);
    }

    [Theory]
    [InlineData(false, new NoticeKind[0], NoticeKind.AgendaPublished, true)]
    [InlineData(false, new[] { NoticeKind.AgendaPublished }, NoticeKind.AgendaPublished, false)]
    [InlineData(false, new[] { NoticeKind.AgendaPublished }, NoticeKind.ActionDueSoon, true)]
    [InlineData(true, new NoticeKind[0], NoticeKind.ActionAssigned, false)]
    [InlineData(true, new[] { NoticeKind.MeetingChanged }, NoticeKind.MeetingCancelled, false)]
    public void Preference_Allows(bool allOff, NoticeKind[] off, NoticeKind kind, bool allowed)
    {
        var preference = NoticePreference.For(Guid.NewGuid(), Guid.NewGuid());
        preference.Set(allOff, off).Succeeded.Should().BeTrue();
        NoticeRules.Allows(preference, kind).Should().Be(allowed);
    }

    [Fact]
    public void NoPreferenceSaved_AllowsEveryKind() =>
        Enum.GetValues<NoticeKind>().Should().OnlyContain(k => NoticeRules.Allows(null, k));

    [Fact]
    public void Preference_UnknownKind_IsRefusedNamingTheField()
    {
        var preference = NoticePreference.For(Guid.NewGuid(), Guid.NewGuid());
        var version = preference.Version;
        var result = preference.Set(false, [(NoticeKind)99]);
        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Should().ContainKey("off");
        preference.Version.Should().Be(version);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData("chair@example-ccg.nhs.uk", true)]
    public void CanReceive_NeedsAnAddress(string? email, bool can) => NoticeRules.CanReceive(email).Should().Be(can);

    [Fact]
    public void Notice_FailsRetriesGivesUpAndIsResent()
    {
        var notice = Notice.Queue(Guid.NewGuid(), NoticeKind.AgendaPublished, To, "Agenda published", "Body", "Meeting", Guid.NewGuid(), At);
        notice.Status.Should().Be(NoticeStatus.Waiting);
        notice.IsDue(At).Should().BeTrue();

        notice.Resend(At).Failure!.Kind.Should().Be(FailureKind.RuleViolation, "only a failed notice is resent");
        for (var attempt = 1; attempt <= NoticeRules.AutomaticAttempts; attempt++)
        {
            notice.MarkFailed("SmtpException: refused", At);
            notice.Attempts.Should().Be(attempt);
            notice.Status.Should().Be(NoticeStatus.Failed);
        }

        notice.NextAttemptAt.Should().BeNull("the automatic attempts are spent");
        notice.IsDue(At.AddDays(1)).Should().BeFalse();

        var version = notice.Version;
        notice.Resend(At).Succeeded.Should().BeTrue();
        notice.Version.Should().NotBe(version);
        notice.IsDue(At).Should().BeTrue();

        notice.Claim(At.AddMinutes(5));
        notice.IsDue(At).Should().BeFalse("claimed by a dispatcher until the lease runs out");
        notice.IsDue(At.AddMinutes(5)).Should().BeTrue();

        notice.MarkSent(At);
        notice.Status.Should().Be(NoticeStatus.Sent);
        notice.SentAt.Should().Be(At);
        notice.LastError.Should().BeNull();
        notice.IsDue(At.AddDays(1)).Should().BeFalse();
        notice.Resend(At).Failure!.Message.Should().Contain("was sent");
    }

    [Fact]
    public void Notice_LongTextIsClipped_NotRefused()
    {
        var notice = Notice.Queue(Guid.NewGuid(), NoticeKind.MeetingChanged, To, new string('s', 500), new string('b', 30000), "Meeting", Guid.NewGuid(), At);
        notice.Subject.Length.Should().Be(Notice.SubjectMaxLength);
        notice.Body.Length.Should().Be(Notice.BodyMaxLength);
        notice.MarkFailed(new string('e', 5000), At);
        notice.LastError!.Length.Should().Be(Notice.ErrorMaxLength);
    }
}

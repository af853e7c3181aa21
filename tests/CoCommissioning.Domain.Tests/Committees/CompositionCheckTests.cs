using CoCommissioning.Domain.Committees;

namespace CoCommissioning.Domain.Tests.Committees;

public sealed class CompositionCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly MemberRole Lay = CommitteeBuilder.Role("Lay Member", RoleClassification.Lay);
    private static readonly MemberRole Exec = CommitteeBuilder.Role("Chief Officer", RoleClassification.Executive);
    private static readonly MemberRole Gp = CommitteeBuilder.Role("GP", RoleClassification.Clinical);
    private static readonly Dictionary<Guid, MemberRole> Roles = new[] { Lay, Exec, Gp }.ToDictionary(r => r.Id);

    [Fact]
    public void Check_WellMadeCommittee_NoWarnings()
    {
        var (committee, names) = Build(("Chair", Lay, CommitteeOffice.Chair, null), ("Vice", Lay, CommitteeOffice.ViceChair, null), ("Exec", Exec, CommitteeOffice.None, null), ("Gp", Gp, CommitteeOffice.None, null));

        CompositionCheck.Check(committee, Roles, Today, names, []).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Gp", CompositionWarningKind.ChairNotLay, "The chair, Gp, is not a lay member: guidance says the chair should be a lay member.")]
    [InlineData("none", CompositionWarningKind.ChairVacant, "The chair is vacant: appoint a lay member as chair.")]
    public void Check_Chair(string chair, CompositionWarningKind kind, string message)
    {
        var (committee, names) = Build(
            ("Lay", Lay, CommitteeOffice.ViceChair, null),
            ("Exec", Exec, CommitteeOffice.None, null),
            ("Gp", Gp, chair == "Gp" ? CommitteeOffice.Chair : CommitteeOffice.None, null));

        CompositionCheck.Check(committee, Roles, Today, names, []).Should().Contain(new CompositionWarning(kind, message));
    }

    [Fact]
    public void Check_ClinicalMajority_Warns()
    {
        var (committee, names) = Build(("Chair", Lay, CommitteeOffice.Chair, null), ("Vice", Lay, CommitteeOffice.ViceChair, null), ("Gp1", Gp, CommitteeOffice.None, null), ("Gp2", Gp, CommitteeOffice.None, null));

        CompositionCheck.Check(committee, Roles, Today, names, []).Select(w => w.Message)
            .Should().Contain("Lay and executive (non-clinical) members are 2 of 4 voting members: guidance asks for a lay and executive majority.");
    }

    [Fact]
    public void Check_ChairAlsoChairsAudit_Warns()
    {
        var (committee, names) = Build(("Chair", Lay, CommitteeOffice.Chair, null), ("Vice", Lay, CommitteeOffice.ViceChair, null));
        var chairPerson = committee.OfficeHolder(CommitteeOffice.Chair, Today)!.PersonId;

        CompositionCheck.Check(committee, Roles, Today, names, [chairPerson]).Select(w => w.Kind)
            .Should().Contain(CompositionWarningKind.ChairAlsoChairsAuditCommittee);
    }

    [Theory]
    [InlineData("2027-01-22", CompositionWarningKind.MembershipExpiringSoon, "Exec's term ends on 22 January 2027, within 60 days.")]
    [InlineData("2026-11-22", CompositionWarningKind.MembershipExpired, "Exec's term ended on 22 November 2026.")]
    public void Check_TermsRunningOut_Warn(string end, CompositionWarningKind kind, string message)
    {
        var (committee, names) = Build(("Chair", Lay, CommitteeOffice.Chair, null), ("Vice", Lay, CommitteeOffice.ViceChair, null), ("Exec", Exec, CommitteeOffice.None, DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));

        CompositionCheck.Check(committee, Roles, Today, names, []).Should().Contain(new CompositionWarning(kind, message));
    }

    [Fact]
    public void Check_TermEndingIn61Days_NoWarning()
    {
        var (committee, names) = Build(("Chair", Lay, CommitteeOffice.Chair, null), ("Vice", Lay, CommitteeOffice.ViceChair, null), ("Exec", Exec, CommitteeOffice.None, Today.AddDays(61)));

        CompositionCheck.Check(committee, Roles, Today, names, []).Should().BeEmpty();
    }

    private static (Committee Committee, Dictionary<Guid, string> Names) Build(params (string Name, MemberRole Role, CommitteeOffice Office, DateOnly? End)[] members)
    {
        var committee = CommitteeBuilder.NewCommittee();
        var names = new Dictionary<Guid, string>();
        foreach (var (name, role, office, end) in members)
        {
            var personId = Guid.NewGuid();
            names[personId] = name;
            var membership = committee.AddMember(personId, [role], true, new DateOnly(2025, 4, 1), end).Value!;
            if (office != CommitteeOffice.None)
            {
                committee.Appoint(membership.Id, office, Today).Succeeded.Should().BeTrue();
            }
        }

        return (committee, names);
    }
}

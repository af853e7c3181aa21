using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using static CoCommissioning.Domain.Tests.TestSupport.Dates;

namespace CoCommissioning.Domain.Tests.Committees;

/// <summary>Every change moves the committee's version; a refused command leaves it (and the members) alone.</summary>
public class CommitteeVersionTests
{
    private static readonly DateOnly Today = D("2025-10-01");

    public static TheoryData<string> SucceedingCommands => new()
    {
        "UpdateDetails",
        "AddMember",
        "AddMember consecutive term",
        "ChangeMembership",
        "EndMembership",
        "Appoint",
        "Appoint moves office",
        "Vacate",
        "NameDeputy",
        "NameDeputy removes",
    };

    public static TheoryData<string, FailureKind> FailingCommands => new()
    {
        { "UpdateDetails blank name", FailureKind.Validation },
        { "AddMember no roles", FailureKind.Validation },
        { "AddMember retired role", FailureKind.Validation },
        { "AddMember end before start", FailureKind.Validation },
        { "AddMember overlapping term", FailureKind.Validation },
        { "ChangeMembership unknown", FailureKind.NotFound },
        { "ChangeMembership overlapping term", FailureKind.Validation },
        { "ChangeMembership end before start", FailureKind.Validation },
        { "EndMembership unknown", FailureKind.NotFound },
        { "EndMembership before start", FailureKind.Validation },
        { "EndMembership after earlier end", FailureKind.Validation },
        { "Appoint None", FailureKind.Validation },
        { "Appoint unknown", FailureKind.NotFound },
        { "Appoint ended membership", FailureKind.RuleViolation },
        { "NameDeputy self", FailureKind.Validation },
        { "NameDeputy unknown", FailureKind.NotFound },
    };

    [Theory]
    [MemberData(nameof(SucceedingCommands))]
    public void Command_Succeeds_ChangesVersion(string command)
    {
        var scene = Scene.Build();
        var version = scene.Committee.Version;

        var failure = scene.Run(command);

        failure.Should().BeNull();
        scene.Committee.Version.Should().NotBe(version);
    }

    [Theory]
    [MemberData(nameof(FailingCommands))]
    public void Command_Fails_KeepsVersionAndMemberships(string command, FailureKind kind)
    {
        var scene = Scene.Build();
        var version = scene.Committee.Version;
        var before = scene.Snapshot();

        var failure = scene.Run(command);

        failure.Should().NotBeNull();
        failure!.Kind.Should().Be(kind);
        scene.Committee.Version.Should().Be(version);
        scene.Snapshot().Should().Equal(before);
    }

    [Fact]
    public void Command_SucceedingCommandsInTurn_GiveADifferentVersionEachTime()
    {
        var scene = Scene.Build();
        var versions = new List<Guid> { scene.Committee.Version };

        foreach (var command in SucceedingCommands)
        {
            scene.Run(command).Should().BeNull(because: command);
            versions.Add(scene.Committee.Version);
        }

        versions.Should().OnlyHaveUniqueItems();
    }

    /// <summary>
    /// A committee with a chair (open-ended from April 2025), a member whose term ended in March 2025,
    /// and a member on a fixed term to March 2026 with a deputy, who is already reappointed for 2026/27.
    /// </summary>
    private sealed record Scene(Committee Committee, Membership Chair, Membership Ended, Membership FixedTerm, MemberRole Role, MemberRole Retired)
    {
        public static Scene Build()
        {
            var committee = CommitteeBuilder.NewCommittee();
            var chair = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), null);
            var ended = committee.AddAcceptedMember(Guid.NewGuid(), D("2024-04-01"), D("2025-03-31"));
            var fixedTerm = committee.AddAcceptedMember(Guid.NewGuid(), D("2025-04-01"), D("2026-03-31"));
            committee.Appoint(chair.Id, CommitteeOffice.Chair, Today).Succeeded.Should().BeTrue();
            committee.NameDeputy(fixedTerm.Id, Guid.NewGuid()).Succeeded.Should().BeTrue();
            committee.AddAcceptedMember(fixedTerm.PersonId, D("2026-04-01"), D("2027-03-31"));
            return new Scene(committee, chair, ended, fixedTerm, CommitteeBuilder.Role(), CommitteeBuilder.RetiredRole("Chief Finance Officer"));
        }

        public Failure? Run(string command) => command switch
        {
            "UpdateDetails" => Committee.UpdateDetails("Audit Committee", CommitteeType.Audit, CoCommissioningLevel.Joint, null).Failure,
            "AddMember" => Committee.AddMember(Guid.NewGuid(), [Role], true, Today, null).Failure,
            "AddMember consecutive term" => Committee.AddMember(FixedTerm.PersonId, [Role], true, D("2027-04-01"), null).Failure,
            "ChangeMembership" => Committee.ChangeMembership(FixedTerm.Id, [Role], false, D("2025-04-01"), D("2026-02-28")).Failure,
            "EndMembership" => Committee.EndMembership(FixedTerm.Id, D("2025-12-31")).Failure,
            "Appoint" => Committee.Appoint(FixedTerm.Id, CommitteeOffice.ViceChair, Today).Failure,
            "Appoint moves office" => Committee.Appoint(FixedTerm.Id, CommitteeOffice.Chair, Today).Failure,
            "Vacate" => Committee.Vacate(CommitteeOffice.Chair).Failure,
            "NameDeputy" => Committee.NameDeputy(Chair.Id, Guid.NewGuid()).Failure,
            "NameDeputy removes" => Committee.NameDeputy(FixedTerm.Id, null).Failure,

            "UpdateDetails blank name" => Committee.UpdateDetails(" ", CommitteeType.Audit, CoCommissioningLevel.Joint, null).Failure,
            "AddMember no roles" => Committee.AddMember(Guid.NewGuid(), [], true, Today, null).Failure,
            "AddMember retired role" => Committee.AddMember(Guid.NewGuid(), [Retired], true, Today, null).Failure,
            "AddMember end before start" => Committee.AddMember(Guid.NewGuid(), [Role], true, Today, Today.AddDays(-1)).Failure,
            "AddMember overlapping term" => Committee.AddMember(FixedTerm.PersonId, [Role], true, D("2026-03-31"), null).Failure,
            "ChangeMembership unknown" => Committee.ChangeMembership(Guid.NewGuid(), [Role], true, Today, null).Failure,
            "ChangeMembership overlapping term" => Committee.ChangeMembership(FixedTerm.Id, [Role], true, D("2025-04-01"), D("2026-04-01")).Failure,
            "ChangeMembership end before start" => Committee.ChangeMembership(FixedTerm.Id, [Role], true, Today, Today.AddDays(-1)).Failure,
            "EndMembership unknown" => Committee.EndMembership(Guid.NewGuid(), Today).Failure,
            "EndMembership before start" => Committee.EndMembership(FixedTerm.Id, D("2025-03-31")).Failure,
            "EndMembership after earlier end" => Committee.EndMembership(FixedTerm.Id, D("2026-04-01")).Failure,
            "Appoint None" => Committee.Appoint(FixedTerm.Id, CommitteeOffice.None, Today).Failure,
            "Appoint unknown" => Committee.Appoint(Guid.NewGuid(), CommitteeOffice.Chair, Today).Failure,
            "Appoint ended membership" => Committee.Appoint(Ended.Id, CommitteeOffice.Chair, Today).Failure,
            "NameDeputy self" => Committee.NameDeputy(Chair.Id, Chair.PersonId).Failure,
            "NameDeputy unknown" => Committee.NameDeputy(Guid.NewGuid(), Guid.NewGuid()).Failure,
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
        };

        /// <summary>Everything a refused command must leave as it was, one line per membership.</summary>
        public List<string> Snapshot() =>
        [
            $"{Committee.Name}|{Committee.Type}|{Committee.Level}|{Committee.Purpose}",
            .. Committee.Memberships.Select(m =>
                $"{m.Id}|{m.PersonId}|{string.Join(',', m.RoleIds)}|{m.IsVoting}|{m.TermStart:O}|{m.TermEnd:O}|{m.Office}|{m.DeputyPersonId}"),
        ];
    }
}

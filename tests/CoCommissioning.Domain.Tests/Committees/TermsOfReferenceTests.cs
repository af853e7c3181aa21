using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Tests.Committees;

public sealed class TermsOfReferenceTests
{
    private static readonly MemberRole Lay = CommitteeBuilder.Role("Lay Member", RoleClassification.Lay);
    private static readonly MemberRole Gp = CommitteeBuilder.Role("GP", RoleClassification.Clinical);
    private static readonly MemberRole Chief = CommitteeBuilder.Role("Chief Officer", RoleClassification.Executive);
    private static readonly MemberRole Retired = CommitteeBuilder.RetiredRole("Old role");
    private static readonly MemberRole[] Catalogue = [Lay, Gp, Chief, Retired];

    // Two lay members, one GP, one chief officer, one non-voting representative.
    private static readonly Seat[] Seats =
    [
        Seat("Lay 1", Lay), Seat("Lay 2", Lay), Seat("GP", Gp), Seat("Chief", Chief), Seat("Rep", Lay, voting: false),
    ];

    private static readonly VotingRules Voting = new(MajorityBasis.VotesCast, true, true);

    [Fact]
    public void Validate_Site3StyleRule_Accepted()
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(0, Req(1, Lay), Req(1, Gp), Req(1, Chief))), Catalogue, Seats);

        result.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(-1, "quorum.minimumPresent", "The minimum number present must be between 0 and 100.")]
    [InlineData(5, "quorum.minimumPresent", "The quorum asks for 5 present, but the committee has only 4 voting members.")]
    public void Validate_MinimumPresentOutOfRange_NamesField(int minimum, string field, string message)
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(minimum)), Catalogue, Seats);

        result.Failure!.FieldErrors[field].Should().Contain(message);
    }

    [Fact]
    public void Validate_RequirementAskingMoreThanMembersCanSupply_NamesField()
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(0, Req(1, Lay), Req(2, Gp))), Catalogue, Seats);

        result.Failure!.FieldErrors["quorum.requirements[1].atLeast"].Should().Contain("Requirement 2 asks for 2, but only 1 member of the committee can fill it.");
    }

    [Theory]
    [InlineData(0, "Requirement 1 must ask for at least 1 person (and at most 100).")]
    [InlineData(-3, "Requirement 1 must ask for at least 1 person (and at most 100).")]
    public void Validate_NonPositiveRequirement_NamesField(int atLeast, string message)
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(0, Req(atLeast, Lay))), Catalogue, Seats);

        result.Failure!.FieldErrors["quorum.requirements[0].atLeast"].Should().Contain(message);
    }

    [Fact]
    public void Validate_UnknownRole_NamesField()
    {
        var unknown = Guid.NewGuid();
        var rule = Rule(0, new QuorumRequirement(1, RoleCriterion.Roles(unknown)));

        var result = TermsOfReferenceCheck.Validate(Content(rule), Catalogue, Seats);

        result.Failure!.FieldErrors["quorum.requirements[0].roles"].Should().Contain($"Requirement 1 names a role that does not exist in your organisation ({unknown}).");
    }

    [Fact]
    public void Validate_RetiredRole_NamesField()
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(0, Req(1, Retired))), Catalogue, Seats);

        result.Failure!.FieldErrors["quorum.requirements[0].roles"].Should().Contain("Requirement 1 names the retired role \"Old role\".");
    }

    [Fact]
    public void Validate_EachRequirementSuppliableButNotTogether_RefusedAsNeverQuorate()
    {
        // Three lay places, and the only three lay people include the non-voting rep; plus a separate non-voting place.
        var rule = Rule(0, Req(3, Lay), new QuorumRequirement(1, RoleCriterion.NonVoting()));

        var result = TermsOfReferenceCheck.Validate(Content(rule), Catalogue, Seats);

        result.Failure!.FieldErrors["quorum"].Single().Should().StartWith("Even with every member present, this quorum cannot be met:");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(53)]
    public void Validate_MeetingsPerYearOutOfRange_NamesField(int meetings)
    {
        var result = TermsOfReferenceCheck.Validate(Content(Rule(0)) with { MinimumMeetingsPerYear = meetings }, Catalogue, Seats);

        result.Failure!.FieldErrors.Should().ContainKey("minimumMeetingsPerYear");
    }

    [Fact]
    public void AdoptTermsOfReference_VersionsByEffectiveDate_MeetingJudgedByVersionInForce()
    {
        var committee = CommitteeBuilder.NewCommittee();
        var first = Content(Rule(3)) with { EffectiveFrom = new DateOnly(2025, 4, 1) };
        var second = Content(Rule(4)) with { EffectiveFrom = new DateOnly(2026, 4, 1) };

        committee.AdoptTermsOfReference(second, Catalogue, Seats).Succeeded.Should().BeTrue();
        committee.AdoptTermsOfReference(first, Catalogue, Seats).Succeeded.Should().BeTrue();

        committee.TermsOfReferenceOn(new DateOnly(2025, 3, 31)).Should().BeNull();
        committee.TermsOfReferenceOn(new DateOnly(2025, 4, 1))!.Quorum.MinimumPresent.Should().Be(3);
        committee.TermsOfReferenceOn(new DateOnly(2026, 3, 31))!.Quorum.MinimumPresent.Should().Be(3);
        committee.TermsOfReferenceOn(new DateOnly(2026, 4, 1))!.Quorum.MinimumPresent.Should().Be(4);
    }

    [Fact]
    public void AdoptTermsOfReference_SameEffectiveDate_RefusedNotOverwritten()
    {
        var committee = CommitteeBuilder.NewCommittee();
        committee.AdoptTermsOfReference(Content(Rule(3)), Catalogue, Seats);
        var version = committee.Version;

        var result = committee.AdoptTermsOfReference(Content(Rule(4)), Catalogue, Seats);

        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Should().ContainKey("effectiveFrom");
        committee.TermsOfReferenceVersions.Should().ContainSingle().Which.Quorum.MinimumPresent.Should().Be(3);
        committee.Version.Should().Be(version);
    }

    [Fact]
    public void Render_Site4StyleRule_ReadsBackInPlainEnglish()
    {
        var names = Catalogue.ToDictionary(r => r.Id, r => r.Name);
        var rule = new QuorumRule(4, CountBasis.VotingMembers, [Req(1, Chief), new(2, RoleCriterion.Roles(Lay.Id, Gp.Id))], true, false, true);

        QuorumText.Render(rule, names).Should().Be(
            "At least 4 voting members must be present, including at least 1 Chief Officer and at least 2 of Lay Member or GP. " +
            "Each place is filled by a different person. The chair or the vice chair must be present. " +
            "A named deputy counts for the member they stand in for. A member excluded from an item by a conflict ruling does not count for that item.");
    }

    [Fact]
    public void Render_NonVotingAndClassification_ReadsBack()
    {
        var rule = new QuorumRule(0, CountBasis.AllMembers, [new(1, RoleCriterion.Classes(RoleClassification.Executive)), new(2, RoleCriterion.NonVoting())], false, true, false);

        QuorumText.Render(rule, new Dictionary<Guid, string>()).Should().Be(
            "Present must be at least 1 any executive member and at least 2 of any non-voting member. Each place is filled by a different person. " +
            "Lay members must be a majority of the members (voting or not) present. Deputies do not count towards quorum. " +
            "A member excluded from an item by a conflict ruling does not count for that item.");
    }

    private static Seat Seat(string name, MemberRole role, bool voting = true) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, [new SeatRole(role.Id, role.Name, role.Classification)], voting, CommitteeOffice.None);

    private static QuorumRequirement Req(int atLeast, MemberRole role) => new(atLeast, RoleCriterion.Roles(role.Id));

    private static QuorumRule Rule(int minimum, params QuorumRequirement[] requirements) =>
        new(minimum, CountBasis.VotingMembers, requirements, false, false, true);

    private static TermsOfReferenceContent Content(QuorumRule rule) =>
        new(new DateOnly(2026, 4, 1), CoCommissioningLevel.Delegated, 6, true, rule, Voting, false);
}

public sealed class TermsOfReferenceLayMajorityTests
{
    private static readonly MemberRole Lay = CommitteeBuilder.Role("Lay Member", RoleClassification.Lay);
    private static readonly MemberRole Gp = CommitteeBuilder.Role("GP", RoleClassification.Clinical);

    [Theory]
    [InlineData(3, 6, 4, true)]    // 3 lay of 9: full attendance loses the majority, but 3 lay + 1 other can meet it
    [InlineData(2, 6, 4, false)]   // 2 lay can never be a majority of 4
    [InlineData(0, 6, 0, false)]   // no lay members at all
    public void Validate_LayMajority_JudgedOnWhatCanBeMet(int layMembers, int others, int minimum, bool accepted)
    {
        var seats = Enumerable.Range(0, layMembers).Select(i => Seat($"Lay {i}", Lay))
            .Concat(Enumerable.Range(0, others).Select(i => Seat($"GP {i}", Gp)))
            .ToList();
        var rule = new QuorumRule(minimum, CountBasis.VotingMembers, [], false, true, false);
        var content = new TermsOfReferenceContent(new DateOnly(2026, 4, 1), CoCommissioningLevel.Delegated, 6, true, rule, new VotingRules(MajorityBasis.VotesCast, true, true), false);

        TermsOfReferenceCheck.Validate(content, [Lay, Gp], seats).Succeeded.Should().Be(accepted);
    }

    [Fact]
    public void Validate_NoEffectiveDate_NamesField()
    {
        var rule = new QuorumRule(0, CountBasis.VotingMembers, [], false, false, true);
        var content = new TermsOfReferenceContent(DateOnly.MinValue, CoCommissioningLevel.Delegated, 6, true, rule, new VotingRules(MajorityBasis.VotesCast, true, true), false);

        TermsOfReferenceCheck.Validate(content, [Lay], [Seat("Lay", Lay)]).Failure!.FieldErrors["effectiveFrom"].Should().Contain("Enter the date this version takes effect.");
    }

    private static Seat Seat(string name, MemberRole role) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, [new SeatRole(role.Id, role.Name, role.Classification)], true, CommitteeOffice.None);
}

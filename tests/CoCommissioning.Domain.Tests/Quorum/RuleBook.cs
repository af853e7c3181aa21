using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Quorum;

namespace CoCommissioning.Domain.Tests.Quorum;

/// <summary>A committee like the rule book's sites, and the four real quorum clauses (rule book section 3).</summary>
internal static class RuleBook
{
    public static readonly SeatRole LayAudit = Role("Lay Member (Audit)", RoleClassification.Lay);
    public static readonly SeatRole LayPpi = Role("Lay Member (PPI)", RoleClassification.Lay);
    public static readonly SeatRole LayAdvisor = Role("Lay Advisor", RoleClassification.Lay);
    public static readonly SeatRole Nurse = Role("Nurse", RoleClassification.Clinical);
    public static readonly SeatRole Consultant = Role("Secondary Care Consultant", RoleClassification.Clinical);
    public static readonly SeatRole Gp = Role("GP", RoleClassification.Clinical);
    public static readonly SeatRole ChiefOfficer = Role("Chief Officer", RoleClassification.Executive);
    public static readonly SeatRole ChiefOperatingOfficer = Role("Chief Operating Officer", RoleClassification.Executive);
    public static readonly SeatRole FinanceOfficer = Role("Chief Finance Officer", RoleClassification.Executive);
    public static readonly SeatRole ServiceDelivery = Role("Chief of Service Delivery and Quality", RoleClassification.Executive);
    public static readonly SeatRole HeadOfContracting = Role("Head of Contracting", RoleClassification.Executive);
    public static readonly SeatRole NhsEngland = Role("NHS England", RoleClassification.Representative);
    public static readonly SeatRole Healthwatch = Role("Healthwatch", RoleClassification.Representative);

    public static readonly IReadOnlyDictionary<Guid, string> RoleNames = new[]
    {
        LayAudit, LayPpi, LayAdvisor, Nurse, Consultant, Gp, ChiefOfficer, ChiefOperatingOfficer, FinanceOfficer, ServiceDelivery, HeadOfContracting, NhsEngland, Healthwatch,
    }.ToDictionary(r => r.RoleId, r => r.Name);

    /// <summary>Site 1: "Three members must be present and this must include; a Lay Member and either Chief Officer or Chief Finance Officer or Chief of Service Delivery and Quality".</summary>
    public static readonly QuorumRule Site1 = new(
        3,
        CountBasis.VotingMembers,
        [new(1, RoleCriterion.Roles(LayAudit.RoleId, LayPpi.RoleId)), new(1, RoleCriterion.Roles(ChiefOfficer.RoleId, FinanceOfficer.RoleId, ServiceDelivery.RoleId))],
        ChairOrViceChairRequired: false,
        LayMajorityRequired: false,
        DeputiesCount: true);

    /// <summary>Site 2: "At least three Non-Executive members, 1 GP, 2 CCG Chief Officers, Chief Finance Officer, Head of Contracting, and any 2 non-voting members".</summary>
    public static readonly QuorumRule Site2 = new(
        0,
        CountBasis.AllMembers,
        [
            new(3, RoleCriterion.Classes(RoleClassification.Lay)),
            new(1, RoleCriterion.Roles(Gp.RoleId)),
            new(2, RoleCriterion.Roles(ChiefOfficer.RoleId, ChiefOperatingOfficer.RoleId, ServiceDelivery.RoleId)),
            new(1, RoleCriterion.Roles(FinanceOfficer.RoleId)),
            new(1, RoleCriterion.Roles(HeadOfContracting.RoleId)),
            new(2, RoleCriterion.NonVoting()),
        ],
        ChairOrViceChairRequired: false,
        LayMajorityRequired: false,
        DeputiesCount: false);

    /// <summary>Site 3: "One Lay Member, one GP, and one Executive member".</summary>
    public static readonly QuorumRule Site3 = new(
        0,
        CountBasis.VotingMembers,
        [new(1, RoleCriterion.Roles(LayAudit.RoleId, LayPpi.RoleId)), new(1, RoleCriterion.Roles(Gp.RoleId)), new(1, RoleCriterion.Classes(RoleClassification.Executive))],
        ChairOrViceChairRequired: false,
        LayMajorityRequired: false,
        DeputiesCount: true);

    /// <summary>Site 4: "Four members present and this must include; Chief Officer or Chief Finance Officer and two of the following: Lay Member (Audit or Patient and Public Involvement), Nurse, or Secondary Care Consultant".</summary>
    public static readonly QuorumRule Site4 = new(
        4,
        CountBasis.VotingMembers,
        [new(1, RoleCriterion.Roles(ChiefOfficer.RoleId, FinanceOfficer.RoleId)), new(2, RoleCriterion.Roles(LayAudit.RoleId, LayPpi.RoleId, Nurse.RoleId, Consultant.RoleId))],
        ChairOrViceChairRequired: false,
        LayMajorityRequired: false,
        DeputiesCount: true);

    /// <summary>"For the meetings to be quorate they needed a lay majority", with "4 members including chair or vice-chair".</summary>
    public static readonly QuorumRule LayMajority = new(4, CountBasis.VotingMembers, [], ChairOrViceChairRequired: true, LayMajorityRequired: true, DeputiesCount: false);

    public static Seat Member(string name, SeatRole role, bool voting = true, CommitteeOffice office = CommitteeOffice.None) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, [role], voting, office);

    private static SeatRole Role(string name, RoleClassification classification) => new(Guid.NewGuid(), name, classification);
}

/// <summary>An item's attendance written as a table row: "Name" present, "-Name" absent, "Name!4" ruling 4, "Name~Deputy" deputised.</summary>
internal sealed class Attendance(IReadOnlyList<Seat> committee)
{
    public IReadOnlyList<SeatAtItem> Parse(string row)
    {
        var tokens = row.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var result = new List<SeatAtItem>();
        foreach (var seat in committee)
        {
            var token = tokens.FirstOrDefault(t => t.TrimStart('-').Split('!', '~')[0] == seat.Name);
            if (token is null || token.StartsWith('-'))
            {
                result.Add(SeatAtItem.AbsentFrom(seat));
                continue;
            }

            var ruling = token.Contains('!') ? (ConflictRuling)(int.Parse(token.Split('!')[1], System.Globalization.CultureInfo.InvariantCulture) - 1) : ConflictRuling.FullPart;
            result.Add(token.Contains('~')
                ? SeatAtItem.Deputised(seat, token.Split('~')[1].Split('!')[0], ruling)
                : SeatAtItem.PresentWith(seat, ruling));
        }

        return result;
    }
}

using System.Net;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Quorum;
using CoCommissioning.Web.Features.TermsOfReference;
using CoCommissioning.Web.Tests.Infrastructure;

namespace CoCommissioning.Web.Tests.Api.TermsOfReference;

/// <summary>
/// The example documents of docs/terms-of-reference.md ("The four rule-book clauses"), built in C# field for field,
/// and the steps the terms-of-reference and what-if tests share.
/// </summary>
public static class RuleBookDocuments
{
    public const string LayAudit = "Lay Member (Audit and Governance)";
    public const string LayPpi = "Lay Member (Patient and Public Involvement)";

    /// <summary>The demo PCCC's site-4 clause as <c>QuorumText.Render</c> reads it back.</summary>
    public const string Site4InWords =
        "At least 4 voting members must be present, including at least 1 Chief Officer or Chief Finance Officer and at least 2 of "
        + "Lay Member (Audit and Governance), Lay Member (Patient and Public Involvement), Registered Nurse or Secondary Care Consultant. "
        + "Each place is filled by a different person. A named deputy counts for the member they stand in for. "
        + "A member excluded from an item by a conflict ruling does not count for that item.";

    /// <summary>The first example in full; the others replace only its <c>quorum</c>, as the doc says.</summary>
    public static TermsOfReferenceDocument Site1(DateOnly effectiveFrom) => new(
        "cocommissioning/terms-of-reference/v1",
        effectiveFrom,
        CoCommissioningLevel.Delegated,
        6,
        true,
        new QuorumDocument(
            3,
            CountBasis.VotingMembers,
            [
                Roles(1, LayAudit, LayPpi),
                Roles(1, "Chief Officer", "Chief Finance Officer", "Chief of Service Delivery and Quality"),
            ],
            ChairOrViceChairRequired: false,
            LayMajorityRequired: false,
            DeputiesCount: true),
        new VotingDocument(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true),
        CoOptionAllowed: true);

    public static TermsOfReferenceDocument Site2(DateOnly effectiveFrom) => Site1(effectiveFrom) with
    {
        Quorum = new QuorumDocument(
            0,
            CountBasis.AllMembers,
            [
                new RequirementDocument(3, [], [RoleClassification.Lay], false),
                Roles(1, "GP Practice Representative"),
                Roles(2, "Chief Officer", "Chief Operating Officer", "Chief of Service Delivery and Quality"),
                Roles(1, "Chief Finance Officer"),
                Roles(1, "Head of Contracting"),
                new RequirementDocument(2, [], [], true),
            ],
            ChairOrViceChairRequired: false,
            LayMajorityRequired: false,
            DeputiesCount: false),
    };

    public static TermsOfReferenceDocument Site3(DateOnly effectiveFrom) => Site1(effectiveFrom) with
    {
        Quorum = new QuorumDocument(
            0,
            CountBasis.VotingMembers,
            [
                Roles(1, LayAudit, LayPpi),
                Roles(1, "GP Practice Representative"),
                new RequirementDocument(1, [], [RoleClassification.Executive], false),
            ],
            ChairOrViceChairRequired: false,
            LayMajorityRequired: false,
            DeputiesCount: true),
    };

    public static TermsOfReferenceDocument Site4(DateOnly effectiveFrom) => Site1(effectiveFrom) with
    {
        Quorum = new QuorumDocument(
            4,
            CountBasis.VotingMembers,
            [
                Roles(1, "Chief Officer", "Chief Finance Officer"),
                Roles(2, LayAudit, LayPpi, "Registered Nurse", "Secondary Care Consultant"),
            ],
            ChairOrViceChairRequired: false,
            LayMajorityRequired: false,
            DeputiesCount: true),
    };

    public static TermsOfReferenceDocument LayMajority(DateOnly effectiveFrom) => Site1(effectiveFrom) with
    {
        Quorum = new QuorumDocument(4, CountBasis.VotingMembers, [], ChairOrViceChairRequired: true, LayMajorityRequired: true, DeputiesCount: false),
    };

    public static RequirementDocument Roles(int atLeast, params string[] roles) => new(atLeast, roles, [], false);

    public static string TorUrl(Guid committeeId) => $"/api/committees/{committeeId}/terms-of-reference";

    public static Task<TermsOfReferenceDto> TermsOfReferenceAsync(this HttpClient client, Guid committeeId) =>
        client.GetJsonAsync<TermsOfReferenceDto>(TorUrl(committeeId));

    public static Task<HttpResponseMessage> AdoptAsync(this HttpClient governance, Guid committeeId, TermsOfReferenceDocument document, Guid version) =>
        governance.PostJsonAsync(TorUrl(committeeId), new AdoptTermsOfReferenceRequest(document, version));

    public static async Task<TermsOfReferenceDto> AdoptOkAsync(this HttpClient governance, Guid committeeId, TermsOfReferenceDocument document)
    {
        var before = await governance.TermsOfReferenceAsync(committeeId);
        using var response = await governance.AdoptAsync(committeeId, document, before.CommitteeVersion);
        return await response.ReadJsonAsync<TermsOfReferenceDto>(HttpStatusCode.OK);
    }

    public static async Task<WhatIfResultDto> WhatIfAsync(this HttpClient client, Guid committeeId, params WhatIfAttendee[] attendance)
    {
        using var response = await client.PostJsonAsync($"/api/committees/{committeeId}/what-if", new WhatIfRequest(null, attendance, null));
        return await response.ReadJsonAsync<WhatIfResultDto>(HttpStatusCode.OK);
    }

    /// <summary>The PCCC's seats today by member name (a what-if with nobody present lists them).</summary>
    public static async Task<IReadOnlyDictionary<string, SeatDto>> SeatsByNameAsync(this HttpClient secretary, Guid committeeId) =>
        (await secretary.WhatIfAsync(committeeId)).Seats.ToDictionary(s => s.Name);

    /// <summary>How many audit entries the committee and its parts have (its own id finds its parts' entries too).</summary>
    public static async Task<int> AuditCountAsync(this HttpClient governance, Guid committeeId) =>
        (await governance.GetJsonAsync<AuditPageDto>($"/api/audit?recordId={committeeId}&pageSize=1")).Total;
}

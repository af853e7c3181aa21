using CoCommissioning.Domain.Interests;
using CoCommissioning.Web.Features.Procurement;

namespace CoCommissioning.Web.Features.OpenData;

/// <summary>
/// What a procurement decision holds for OCDS: the record as the public register shows it (the one visibility rule,
/// <c>PublicRegisterFilters.PublicProcurement</c>) with the names of its committee and supplier body and the public
/// decision it is linked to (only when that decision is on a public item of a published agenda).
/// </summary>
public sealed record OcdsSource(
    Guid Id,
    Guid Version,
    ProcurementDetails Details,
    DateOnly RecordedOn,
    string? CommitteeName,
    string? SupplierBodyName,
    Guid? PublicDecisionId,
    Guid? PublicDecisionMeetingId);

/// <summary>
/// Maps a procurement decision to an OCDS 1.1 release (tag "award"), with the CoCommissioning conflicts extension
/// (docs/open-data/ocds-extension-conflicts). The one place the OCDS shape is decided: the lead extends
/// <see cref="PsrFields"/> when the Provider Selection Regime fields land on <see cref="ProcurementDecision"/>.
/// </summary>
public sealed class OcdsReleaseBuilder(string baseUrl, string slug, string organisationId, string organisationName)
{
    /// <summary>
    /// The ocid prefix. OCDS asks each publisher to register its own prefix with the OCDS helpdesk; until an organisation
    /// has, its releases use this documented unregistered prefix with the organisation's slug (ADR-0026).
    /// </summary>
    public const string OcidPrefix = "ocds-cocomm";

    public const string ExtensionUrl = "/public/data/extensions/conflicts/extension.json";

    public string Ocid(Guid recordId) => $"{OcidPrefix}-{slug}-{recordId}";

    public OcdsRelease Build(OcdsSource source)
    {
        var d = source.Details;
        var buyer = new OcdsOrganizationReference(organisationId, organisationName);
        var parties = new List<OcdsParty> { new(organisationId, organisationName, ["buyer", "procuringEntity"]) };
        OcdsOrganizationReference? supplier = null;
        if ((d.SupplierName ?? source.SupplierBodyName) is { } supplierName)
        {
            // A body on the organisation's list has a stable id; a name typed on the record is identified by the record.
            var supplierId = d.SupplierBodyId is { } bodyId ? $"{OcidPrefix}-{slug}-body-{bodyId}" : $"{Ocid(source.Id)}-supplier";
            supplier = new OcdsOrganizationReference(supplierId, supplierName);
            parties.Add(new OcdsParty(supplierId, supplierName, ["supplier"]));
        }

        var (method, details) = Method(d.Route);
        var item = new OcdsItem("1", d.Service, Classification: null);
        var award = new OcdsAward(
            Id: $"{source.Id}-award",
            Title: d.Title,
            Status: "active",
            Date: Instant(d.DecidedOn),
            Value: d.ContractValue is { } amount ? new OcdsValue(amount, "GBP") : null,
            Suppliers: supplier is null ? [] : [supplier],
            ContractPeriod: d.ContractStartsOn is null && d.ContractEndsOn is null ? null : new OcdsPeriod(Instant(d.ContractStartsOn), Instant(d.ContractEndsOn)),
            Items: [item]);

        var release = new OcdsRelease(
            Ocid: Ocid(source.Id),
            Id: $"{source.Id}-{source.Version}",
            Date: Instant(d.DecidedOn)!.Value,
            Tag: ["award"],
            InitiationType: "tender",
            Language: "en",
            Parties: parties,
            Buyer: buyer,
            Tender: new OcdsTender($"{source.Id}-tender", d.Title, d.Service, method, details, [item]),
            Awards: [award],
            Decision: new OcdsDecisionExtension(
                DecisionMakers: source.CommitteeName is { } committee ? [new OcdsDecisionMaker(committee, "committee", Name: null)] : [],
                Conflicts: d.ConflictsNoted is { } noted ? [new OcdsConflict(noted, d.ConflictsManagement)] : [],
                ConflictsDeclared: d.ConflictsNoted is not null,
                DecisionUrl: source.PublicDecisionId is { } decisionId ? $"{baseUrl}/public/{slug}/data/motions/{decisionId}" : null,
                MeetingUrl: source.PublicDecisionMeetingId is { } meetingId ? $"{baseUrl}/public/{slug}/meetings/{meetingId}" : null,
                RecordedOn: source.RecordedOn));
        return PsrFields(release, source);
    }

    /// <summary>
    /// PSR FIELDS GO HERE (issue 14). When <see cref="ProcurementDetails"/> gains the Provider Selection Regime fields,
    /// map them onto the release built above, for example:
    /// process (direct award A/B/C, most suitable provider, competitive, urgent) into <c>tender.procurementMethodDetails</c>
    /// and <c>procurementMethod</c> ("direct" for A/B/C and urgent, "limited" for most suitable provider, "open" for
    /// competitive); the CPV code into <c>items[].classification</c> as <c>new OcdsClassification("CPV", code, label)</c>;
    /// the provider's registered address into the supplier party's <c>address</c>; the decision-makers into
    /// <c>decision.decisionMakers</c> (name and role); the reasons against the key criteria, representations and their
    /// outcome into <c>decision</c> (add the members to <see cref="OcdsDecisionExtension"/> and to the extension's
    /// release-schema.json and the OCDS JSON Schema); the notice reference into <c>tender.id</c> or a
    /// <c>documents</c> entry; the standstill date into <c>awards[].date</c> alongside the decision date. Nothing else in
    /// the open data needs to change.
    /// </summary>
    private static OcdsRelease PsrFields(OcdsRelease release, OcdsSource source)
    {
        _ = source;
        return release;
    }

    /// <summary>The OCDS method codelist (open, selective, limited, direct) and the route in the register's words.</summary>
    public static (string? Method, string Details) Method(ProcurementRoute route) => route switch
    {
        ProcurementRoute.CompetitiveTender => ("open", ProcurementLabels.Of(route)),
        ProcurementRoute.Framework => ("selective", ProcurementLabels.Of(route)),
        ProcurementRoute.MostSuitableProvider => ("limited", ProcurementLabels.Of(route)),
        ProcurementRoute.DirectAward or ProcurementRoute.ContractVariation or ProcurementRoute.ContractExtension => ("direct", ProcurementLabels.Of(route)),
        _ => (null, ProcurementLabels.Of(route)),
    };

    private static DateTimeOffset? Instant(DateOnly? date) => date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

// --- OCDS 1.1 (https://standard.open-contracting.org/latest/en/), camelCase as the standard writes it -------------

/// <summary>A release package page: the releases, the publisher and licence, the extension used, and paging.</summary>
public sealed record OcdsReleasePackage(
    string Uri,
    string Version,
    DateTimeOffset PublishedDate,
    OcdsPublisher Publisher,
    string License,
    string PublicationPolicy,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<OcdsRelease> Releases,
    OcdsLinks Links,
    int Page,
    int PageSize,
    int Total,
    DateTimeOffset? UpdatedSince);

public sealed record OcdsPublisher(string Name, string Uri);

public sealed record OcdsLinks(string? Next);

public sealed record OcdsRelease(
    string Ocid,
    string Id,
    DateTimeOffset Date,
    IReadOnlyList<string> Tag,
    string InitiationType,
    string Language,
    IReadOnlyList<OcdsParty> Parties,
    OcdsOrganizationReference Buyer,
    OcdsTender Tender,
    IReadOnlyList<OcdsAward> Awards,
    OcdsDecisionExtension Decision);

public sealed record OcdsParty(string Id, string Name, IReadOnlyList<string> Roles);

public sealed record OcdsOrganizationReference(string Id, string Name);

public sealed record OcdsTender(string Id, string Title, string Description, string? ProcurementMethod, string ProcurementMethodDetails, IReadOnlyList<OcdsItem> Items);

public sealed record OcdsItem(string Id, string Description, OcdsClassification? Classification);

public sealed record OcdsClassification(string Scheme, string Id, string? Description);

public sealed record OcdsAward(
    string Id,
    string Title,
    string Status,
    DateTimeOffset? Date,
    OcdsValue? Value,
    IReadOnlyList<OcdsOrganizationReference> Suppliers,
    OcdsPeriod? ContractPeriod,
    IReadOnlyList<OcdsItem> Items);

public sealed record OcdsValue(decimal Amount, string Currency);

public sealed record OcdsPeriod(DateTimeOffset? StartDate, DateTimeOffset? EndDate);

/// <summary>
/// The CoCommissioning conflicts extension (docs/open-data/ocds-extension-conflicts): who made the decision, the
/// conflicts of interest noted and how each was managed, and where the public record of the decision is.
/// </summary>
public sealed record OcdsDecisionExtension(
    IReadOnlyList<OcdsDecisionMaker> DecisionMakers,
    IReadOnlyList<OcdsConflict> Conflicts,
    bool ConflictsDeclared,
    string? DecisionUrl,
    string? MeetingUrl,
    DateOnly RecordedOn);

/// <summary>A body (a committee) or, once the PSR fields land, a named individual with their role.</summary>
public sealed record OcdsDecisionMaker(string Body, string Type, string? Name);

public sealed record OcdsConflict(string Description, string? Management);

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
    PsrDetails Psr,
    DateOnly RecordedOn,
    string? CommitteeName,
    string? SupplierName,
    Guid? PublicDecisionId,
    Guid? PublicDecisionMeetingId,
    PsrPublicAccount Account);

/// <summary>
/// Maps a procurement decision to an OCDS 1.1 release (tag "award"), with the CoCommissioning conflicts extension
/// (docs/open-data/ocds-extension-conflicts), which carries what the Provider Selection Regime asks to be published
/// beyond core OCDS: who decided, the conflicts and their management, the reasons against the key criteria, the
/// representations, the standstill and the notice. The one place the OCDS shape is decided.
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
        var psr = source.Psr;
        var buyer = new OcdsOrganizationReference(organisationId, organisationName);
        var parties = new List<OcdsParty> { new(organisationId, organisationName, ["buyer", "procuringEntity"], Address: null) };
        OcdsOrganizationReference? supplier = null;
        if (source.SupplierName is { } supplierName)
        {
            // A body on the organisation's list has a stable id; a name typed on the record is identified by the record.
            var supplierId = d.SupplierBodyId is { } bodyId ? $"{OcidPrefix}-{slug}-body-{bodyId}" : $"{Ocid(source.Id)}-supplier";
            supplier = new OcdsOrganizationReference(supplierId, supplierName);
            parties.Add(new OcdsParty(supplierId, supplierName, ["supplier"], psr.ProviderAddress is { } address ? new OcdsAddress(address) : null));
        }

        var (method, details) = Method(d.Route);
        var item = new OcdsItem("1", d.Service, psr.CpvCode is { } cpv ? new OcdsClassification("CPV", cpv, null) : null);
        var award = new OcdsAward(
            Id: $"{source.Id}-award",
            Title: d.Title,
            Status: "active",
            Date: Instant(d.DecidedOn),
            Value: d.ContractValue is { } amount ? new OcdsValue(amount, "GBP") : null,
            Suppliers: supplier is null ? [] : [supplier],
            ContractPeriod: d.ContractStartsOn is null && d.ContractEndsOn is null ? null : new OcdsPeriod(Instant(d.ContractStartsOn), Instant(d.ContractEndsOn)),
            Items: [item]);

        return new OcdsRelease(
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
            Decision: Decision(source));
    }

    /// <summary>The extension's decision object: the public account of who decided and the conflicts, and the PSR's record.</summary>
    private OcdsDecisionExtension Decision(OcdsSource source)
    {
        var (d, psr, account) = (source.Details, source.Psr, source.Account);
        var body = source.CommitteeName ?? organisationName;
        IReadOnlyList<OcdsDecisionMaker> makers = account.DecisionMakers.Count > 0
            ? [.. account.DecisionMakers.Select(m => new OcdsDecisionMaker(body, "individual", m.Name, string.IsNullOrEmpty(m.Role) ? null : m.Role))]
            : source.CommitteeName is { } committee ? [new OcdsDecisionMaker(committee, "committee", Name: null, Role: null)] : [];
        var reasons = d.Route.HasStandstill() || psr.QualityAndInnovation is not null
            ? new OcdsKeyCriteria(psr.QualityAndInnovation, psr.Value, psr.IntegrationCollaborationAndSustainability, psr.AccessInequalitiesAndChoice, psr.SocialValue)
            : null;
        return new OcdsDecisionExtension(
            DecisionMakers: makers,
            Conflicts: [.. account.Conflicts.Select(c => new OcdsConflict(c.Interest, string.IsNullOrEmpty(c.Management) ? null : c.Management, string.IsNullOrEmpty(c.Name) ? null : c.Name))],
            ConflictsDeclared: account.Conflicts.Count > 0 || d.ConflictsNoted is not null,
            ConflictsSummary: account.ConflictsSummary,
            MadeAt: account.MadeAt,
            DecisionUrl: source.PublicDecisionId is { } decisionId ? $"{baseUrl}/public/{slug}/data/motions/{decisionId}" : null,
            MeetingUrl: source.PublicDecisionMeetingId is { } meetingId ? $"{baseUrl}/public/{slug}/meetings/{meetingId}" : null,
            RecordUrl: $"{baseUrl}/public/{slug}/registers/procurement/{source.Id}",
            RecordedOn: source.RecordedOn,
            Process: d.Route.IsPsrProcess() ? ProcurementLabels.Of(d.Route) : null,
            KeyCriteria: reasons,
            Representations: d.Route.IsPsrProcess() ? new OcdsRepresentations(psr.RepresentationsReceived, psr.RepresentationsUpheld, psr.RepresentationsOutcome) : null,
            StandstillEndsOn: psr.StandstillEndsOn,
            AwardedOn: psr.AwardedOn,
            NoticeReference: psr.NoticeReference);
    }

    /// <summary>The OCDS method codelist (open, selective, limited, direct) and the route in the register's words.</summary>
    public static (string? Method, string Details) Method(ProcurementRoute route) => route switch
    {
        ProcurementRoute.CompetitiveTender or ProcurementRoute.CompetitiveProcess => ("open", ProcurementLabels.Of(route)),
        ProcurementRoute.DirectAwardA or ProcurementRoute.DirectAwardB or ProcurementRoute.DirectAwardC or ProcurementRoute.UrgentAward => ("direct", ProcurementLabels.Of(route)),
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

public sealed record OcdsParty(string Id, string Name, IReadOnlyList<string> Roles, OcdsAddress? Address);

/// <summary>The provider's registered address as the record holds it, in one line.</summary>
public sealed record OcdsAddress(string StreetAddress);

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
    string? ConflictsSummary,
    string? MadeAt,
    string? DecisionUrl,
    string? MeetingUrl,
    string RecordUrl,
    DateOnly RecordedOn,
    string? Process,
    OcdsKeyCriteria? KeyCriteria,
    OcdsRepresentations? Representations,
    DateOnly? StandstillEndsOn,
    DateOnly? AwardedOn,
    string? NoticeReference);

/// <summary>A committee, or a named individual with their role, who made the decision.</summary>
public sealed record OcdsDecisionMaker(string Body, string Type, string? Name, string? Role);

/// <summary>A conflict declared and how it was managed; the person is named only where the public record names them.</summary>
public sealed record OcdsConflict(string Description, string? Management, string? Person);

/// <summary>The reasons for the decision against each of the PSR's key criteria.</summary>
public sealed record OcdsKeyCriteria(string? QualityAndInnovation, string? Value, string? IntegrationCollaborationAndSustainability, string? AccessInequalitiesAndChoice, string? SocialValue);

/// <summary>Representations received during the standstill, how many were upheld, and their outcome.</summary>
public sealed record OcdsRepresentations(int Received, int Upheld, string? Outcome);

using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;

namespace CoCommissioning.Web.Data;

/// <summary>
/// The demo registers of Example CCG: the practices, PCN, federation and supplier its members' interests concern,
/// reviewed and unreviewed declarations, one withheld on the Guardian's approval, gifts and hospitality, a
/// procurement decision and an anonymised breach, so every register page has something true to show.
/// </summary>
internal static class DemoRegisters
{
    public static void Add(AppDbContext db, Guid organisationId, IReadOnlyDictionary<string, Person> people, Guid committeeId, Guid reviewerUserId, string reviewerName, DateOnly today)
    {
        var riverside = Body(organisationId, "Riverside Surgery", BodyKind.GpPractice, "M85001");
        var northgate = Body(organisationId, "Northgate Medical Practice", BodyKind.GpPractice, "M85002");
        var pcn = Body(organisationId, "Riverside Primary Care Network", BodyKind.PrimaryCareNetwork, "U12345");
        var federation = Body(organisationId, "Example GP Federation Ltd", BodyKind.GpFederation, null);
        var supplier = Body(organisationId, "Acme Digital Health Ltd", BodyKind.Supplier, null);
        var charity = Body(organisationId, "Riverside Carers' Trust", BodyKind.OtherBody, null);
        db.ExternalBodies.AddRange(riverside, northgate, pcn, federation, supplier, charity);

        var settings = RegisterSettings.DefaultsFor(organisationId);
        Check(settings.Update(GiftThresholds.Guidance2017, people["David Okafor"].Id));
        db.RegisterSettings.Add(settings);

        Declaration Declared(string person, InterestCategory category, ExternalBody concerns, string nature, DateOnly from, string? relationship = null, DateOnly? to = null, string? mitigation = null, DateOnly? declaredOn = null)
        {
            var details = new InterestDetails(category, relationship is null, relationship, concerns.Id, nature, from, to, mitigation);
            var declaration = Must(Declaration.Declare(organisationId, people[person].Id, details, declaredOn ?? from.AddDays(7)));
            db.Declarations.Add(declaration);
            return declaration;
        }

        void Accept(Declaration declaration, string? agreed) =>
            Check(declaration.Accept(reviewerUserId, reviewerName, agreed, declaration.DeclaredOn.AddDays(5)));

        Accept(Declared("Dr Aisha Rahman", InterestCategory.Financial, riverside, "GP partner, holds a share of the practice's profits.", new DateOnly(2015, 4, 1), mitigation: "Withdraws from decisions about Riverside Surgery's contract."), "Leaves the room for items about Riverside Surgery; does not vote on them.");
        Accept(Declared("Dr Aisha Rahman", InterestCategory.NonFinancialProfessional, pcn, "Clinical director of the primary care network.", new DateOnly(2019, 7, 1)), "Takes no part in decisions on the network's funding.");
        Accept(Declared("Dr Tom Gallagher", InterestCategory.Financial, northgate, "GP partner.", new DateOnly(2012, 10, 1)), "Leaves the room for items about Northgate Medical Practice.");
        Accept(Declared("Dr Tom Gallagher", InterestCategory.Indirect, supplier, "Spouse is a sales director at the company.", new DateOnly(2024, 2, 1), relationship: "Spouse"), "Declares at any item on digital services procurement; does not vote.");
        Accept(Declared("Dr Tom Gallagher", InterestCategory.Financial, federation, "Shareholder in the federation.", new DateOnly(2018, 1, 1), to: today.AddMonths(-3), declaredOn: new DateOnly(2018, 1, 10)), null);

        // Declared late (more than 28 days after it began) and not reviewed yet: on no public page.
        Declared("Priya Shah", InterestCategory.NonFinancialPersonal, charity, "Trustee of the charity.", today.AddDays(-60), declaredOn: today.AddDays(-2));

        // Withheld: publishing it would disclose where a relative works (rule book section 6's example of harm).
        var withheld = Declared("Dr James Morton", InterestCategory.Indirect, riverside, "A close relative is employed by the practice.", new DateOnly(2023, 9, 1), relationship: "Close relative");
        Accept(withheld, "Leaves the room for items about Riverside Surgery.");
        Check(withheld.Withhold(WithholdingGround.RiskOfHarm, "Publishing would identify the relative and their workplace.", settings.GuardianPersonId, people["David Okafor"].Id));

        Accept(Declaration.NilReturn(organisationId, people["Helen Carter"].Id, today.AddDays(-20)).Also(db), null);

        var offers = new[]
        {
            (Person: "Mark Benson", Offer: new OfferDetails(OfferKind.Hospitality, "Dinner after a regional finance conference", "Acme Digital Health Ltd", "Digital primary care services", OfferorKind.SupplierOrContractor, supplier.Id, 45m, false, false, today.AddDays(-40), today.AddDays(-40), OfferOutcome.Accepted, null, null), Reviewed: true),
            (Person: "Sarah Whitfield", Offer: new OfferDetails(OfferKind.Gift, "Hamper at Christmas", "Acme Digital Health Ltd", "Digital primary care services", OfferorKind.SupplierOrContractor, supplier.Id, 60m, false, false, today.AddDays(-30), null, OfferOutcome.Declined, "Gifts from suppliers are declined.", null), Reviewed: true),
            (Person: "Rachel Adams", Offer: new OfferDetails(OfferKind.Gift, "Branded pen and notebook", "Acme Digital Health Ltd", "Digital primary care services", OfferorKind.SupplierOrContractor, supplier.Id, 5m, false, true, today.AddDays(-10), today.AddDays(-10), OfferOutcome.Accepted, null, null), Reviewed: false),
        };
        foreach (var (person, offer, reviewed) in offers)
        {
            var gift = Must(GiftEntry.Declare(organisationId, people[person].Id, offer, [], settings.Thresholds, offer.OfferedOn.AddDays(2)));
            if (reviewed)
            {
                Check(gift.Accept(reviewerUserId, reviewerName, offer.OfferedOn.AddDays(5)));
            }

            db.GiftEntries.Add(gift);
        }

        db.ProcurementDecisions.Add(Must(ProcurementDecision.Record(
            organisationId,
            new ProcurementDetails(
                "Extended access appointments for the Riverside area awarded to the GP federation",
                today.AddMonths(-2),
                "Extended access to general practice (evenings and weekends)",
                ProcurementRoute.MostSuitableProvider,
                420_000m,
                committeeId,
                "Dr Tom Gallagher (shareholder in the federation) and Dr Aisha Rahman (clinical director of a PCN the service covers).",
                "Both left the room for the item and did not vote; quorum was kept by the lay members, nurse and chief officer.",
                federation.Id,
                null,
                today.AddMonths(-1),
                today.AddMonths(35)),
            today.AddMonths(-2),
            new PsrDetails
            {
                CpvCode = "85121000-3",
                ProviderAddress = "Riverside Health Centre, 1 Mill Lane, Riverside RV1 2AB",
                StandstillEndsOn = today.AddMonths(-2).AddDays(12),
                AwardedOn = today.AddMonths(-2).AddDays(14),
                DecisionMakers = "Margaret Hughes, Chair (lay member)\nSarah Whitfield, Chief Officer\nRachel Adams, Nurse member",
                QualityAndInnovation = "The federation already runs the service to the required standard and proposed online booking across all sites.",
                Value = "The price is within the funding envelope and benchmarks at or below neighbouring areas.",
                IntegrationCollaborationAndSustainability = "Delivered from member practices, sharing records with in-hours care.",
                AccessInequalitiesAndChoice = "Evening and weekend appointments at three sites, including the most deprived ward.",
                SocialValue = "Local recruitment and a commitment to the living wage.",
                NoticeReference = "FTS-000123-2026",
            })));

        db.Breaches.Add(Must(Breach.Record(
            organisationId,
            today.AddMonths(-4),
            today.AddMonths(-5),
            "Dr Tom Gallagher voted on the federation's contract variation before declaring his shareholding.",
            people["Dr Tom Gallagher"].Id,
            people["Dr Tom Gallagher"].FullName,
            "A committee member voted on a contract variation for a body in which they held shares, before declaring the interest.",
            "The vote was set aside and retaken without the member; the member completed conflicts of interest training.",
            today.AddMonths(-4))));
    }

    private static Declaration Also(this Declaration declaration, AppDbContext db)
    {
        db.Declarations.Add(declaration);
        return declaration;
    }

    private static ExternalBody Body(Guid organisationId, string name, BodyKind kind, string? code) => Must(ExternalBody.Create(organisationId, name, kind, code));

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo register data is invalid: {result.Failure!.Message}");

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo register data is invalid: {result.Failure!.Message}");
        }
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Interests;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// The public registers, read anonymously (no cookie, no token) through the page, the CSV and the JSON: only reviewed,
/// accepted, unwithheld entries of the organisation's decision-makers inside the publication window ever appear.
/// </summary>
public abstract class PublicRegisterTests(AppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private const string Interests = "/public/example-ccg/registers/interests";

    /// <summary>
    /// A register cell as the page writes it (the NHS.UK responsive table, ADR-0024): the column's name, shown only at
    /// phone width and hidden from screen readers, then the value.
    /// </summary>
    private static string Cell(string column, string valuePattern, bool escapeColumn = true) =>
        $@"<td class=""nhsuk-table__cell""><span class=""nhsuk-table__heading"" aria-hidden=""true"">{(escapeColumn ? Regex.Escape(column) : column)}</span><span>{valuePattern}</span></td>";

    [DatabaseFact]
    public async Task Interests_SeededEdgeCases_OnlyPublishedEntriesAppearInPageCsvAndJson()
    {
        var run = Token();
        var seeded = await SeedInterestsAsync(run);
        using var anonymous = app.CreateAnonymousClient();

        var page = await GetOkAsync(anonymous, $"{Interests}?q={run}");
        var csv = await GetOkAsync(anonymous, $"{Interests}.csv?q={run}");
        var json = await GetOkAsync(anonymous, $"{Interests}.json?q={run}");
        var api = await GetOkAsync(anonymous, $"/api/public/organisations/example-ccg/registers/interests?q={run}");

        foreach (var (name, body) in new[] { ("page", page), ("csv", csv), ("json", json), ("api", api) })
        {
            body.Should().Contain(seeded.Accepted, "the accepted entry is public ({0})", name);
            body.Should().Contain(seeded.EndedFiveMonthsAgo, "an entry stays public for six months after it ends ({0})", name);
            foreach (var hidden in seeded.Hidden)
            {
                body.Should().NotContain(hidden, "withheld, unreviewed, long-ended, non-decision-makers' and other organisations' entries are never public ({0})", name);
            }
        }

        csv.Should().StartWith("person,positions,category,direct_or_indirect,relationship,organisation,nature,from,to,proposed_mitigation,agreed_mitigation,declared_on,reviewed_on,reviewed_by");
    }

    [DatabaseFact]
    public async Task Interests_MitigationProposedAndAnotherAgreed_AreSeparateFieldsInPageCsvAndJson()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Mitigation Person {run}", null, "GP partner", isDecisionMakingStaff: true));
        var proposed = $"Leaves the meeting before the decision {run}.";
        var agreed = $"Declares at any item on the practice and does not vote {run}.";
        var both = Must(Declaration.Declare(organisation, person.Id, Details($"Both mitigations {run}", null, mitigation: proposed), Today));
        Check(both.Accept(Guid.NewGuid(), "Sophie Turner", agreed, Today));
        var proposedOnly = Accepted(organisation, person.Id, $"Proposed only {run}", null, mitigation: $"Only proposed {run}");
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.Declarations.AddRange(both, proposedOnly);
        });
        using var anonymous = app.CreateAnonymousClient();

        var csv = CsvRecords(await GetOkAsync(anonymous, $"{Interests}.csv?q={run}"));
        var bothRow = csv.Single(r => r["nature"] == $"Both mitigations {run}");
        bothRow["proposed_mitigation"].Should().Be(proposed);
        bothRow["agreed_mitigation"].Should().Be(agreed);
        var proposedOnlyRow = csv.Single(r => r["nature"] == $"Proposed only {run}");
        proposedOnlyRow["proposed_mitigation"].Should().Be($"Only proposed {run}");
        proposedOnlyRow["agreed_mitigation"].Should().BeEmpty("the lead agreed none, and the member's proposal does not stand in for it");

        foreach (var url in new[] { $"{Interests}.json?q={run}", $"/api/public/organisations/example-ccg/registers/interests?q={run}" })
        {
            using var json = JsonDocument.Parse(await GetOkAsync(anonymous, url));
            var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("nature").GetString()!);
            rows[$"Both mitigations {run}"].GetProperty("proposedMitigation").GetString().Should().Be(proposed, url);
            rows[$"Both mitigations {run}"].GetProperty("agreedMitigation").GetString().Should().Be(agreed, url);
            rows[$"Proposed only {run}"].GetProperty("agreedMitigation").ValueKind.Should().Be(JsonValueKind.Null, url);
            rows[$"Proposed only {run}"].TryGetProperty("mitigation", out _).Should().BeFalse("the merged field is gone ({0})", url);
        }

        var page = WebUtility.HtmlDecode(await GetOkAsync(anonymous, $"{Interests}?q={run}"));
        page.Should().Contain("Mitigation proposed by the member").And.Contain("Mitigation agreed by the governance lead");
        page.Should().MatchRegex($@"{Cell("Mitigation proposed by the member", Regex.Escape(proposed))}\s*{Cell("Mitigation agreed by the governance lead", Regex.Escape(agreed))}", "each mitigation has a cell of its own");
        page.Should().MatchRegex($@"{Cell("Mitigation proposed by the member", $"Only proposed {run}")}\s*{Cell("Mitigation agreed by the governance lead", "None agreed")}", "an empty agreed mitigation is said in words");
    }

    [DatabaseFact]
    public async Task Downloads_EnumColumns_AreTheWordsOfTheStaffPagesWithTheCodeBesideInJson()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Label Person {run}", null, "GP partner", isDecisionMakingStaff: true));
        var interest = Must(Declaration.Declare(organisation, person.Id, Details($"Label interest {run}", null) with { Category = InterestCategory.NonFinancialProfessional }, Today));
        Check(interest.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        var gift = Must(GiftEntry.Declare(organisation, person.Id,
            new OfferDetails(OfferKind.Hospitality, $"Label dinner {run}", "Acme Health Ltd", null, OfferorKind.Other, null, 40m, false, false, Today.AddDays(-3), null, OfferOutcome.Declined, null, null),
            [], GiftThresholds.Guidance2017, Today));
        Check(gift.Accept(Guid.NewGuid(), "Sophie Turner", Today));
        var procurement = Must(ProcurementDecision.Record(organisation,
            new ProcurementDetails($"Label award {run}", new DateOnly(2023, 6, 1), "Dermatology", ProcurementRoute.Framework, 1000m, null, null, null, null, "Acme Health Ltd", null, null), Today));
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.Declarations.Add(interest);
            db.GiftEntries.Add(gift);
            db.ProcurementDecisions.Add(procurement);
        });
        using var anonymous = app.CreateAnonymousClient();
        var expected = new (string Register, (string Field, string Label, string Code)[] Columns)[]
        {
            ("interests", [("category", "Non-financial professional", "NonFinancialProfessional")]),
            ("gifts", [("kind", "Hospitality", "Hospitality"), ("outcome", "Declined", "Declined")]),
            ("procurement", [("route", "Call-off from a framework", "Framework")]),
        };

        foreach (var (register, columns) in expected)
        {
            var url = $"/public/example-ccg/registers/{register}";
            var csvRow = CsvRecords(await GetOkAsync(anonymous, $"{url}.csv?q={run}")).Should().ContainSingle().Subject;
            using var download = JsonDocument.Parse(await GetOkAsync(anonymous, $"{url}.json?q={run}"));
            using var api = JsonDocument.Parse(await GetOkAsync(anonymous, $"/api/public/organisations/example-ccg/registers/{register}?q={run}"));
            var page = WebUtility.HtmlDecode(await GetOkAsync(anonymous, $"{url}?q={run}"));
            foreach (var (field, label, code) in columns)
            {
                csvRow[field].Should().Be(label, "the CSV's {0} {1} is in words", register, field);
                foreach (var json in new[] { download, api })
                {
                    var row = json.RootElement.EnumerateArray().Should().ContainSingle().Subject;
                    row.GetProperty(field).GetString().Should().Be(label, "the JSON's {0} {1} is in words", register, field);
                    row.GetProperty(field + "Code").GetString().Should().Be(code, "the JSON keeps the stable code beside the words");
                }

                page.Should().MatchRegex(Cell("[^<]+", Regex.Escape(label), escapeColumn: false), "the page uses the same words");
            }
        }
    }

    [DatabaseFact]
    public async Task Interests_NatureWithMarkup_IsShownAsTextAndEscapedInCsv()
    {
        var run = Token();
        await SeedInterestsAsync(run);
        using var anonymous = app.CreateAnonymousClient();

        var page = await GetOkAsync(anonymous, $"{Interests}?q={run}");
        var csv = await GetOkAsync(anonymous, $"{Interests}.csv?q={run}");

        page.Should().NotContain("<script>alert('x')</script>");
        page.Should().Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        csv.Should().Contain("\"'=HYPERLINK(", "a cell that starts like a formula gets a leading quote");
        csv.Should().NotContain("\"=HYPERLINK(").And.NotContain(",=HYPERLINK(");
    }

    [DatabaseFact]
    public async Task Interests_OtherOrganisationsRegister_ShowsItsOwnEntriesOnly()
    {
        var run = Token();
        var seeded = await SeedInterestsAsync(run);
        using var anonymous = app.CreateAnonymousClient();

        var northfield = await GetOkAsync(anonymous, $"/public/{DemoSeeder.NorthfieldSlug}/registers/interests.csv?q={run}");

        northfield.Should().Contain(seeded.OtherOrganisation);
        northfield.Should().NotContain(seeded.Accepted);
    }

    [DatabaseFact]
    public async Task Breaches_PublicViews_NeverExposeTheDescription()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var breach = Must(Breach.Record(organisation, Today.AddDays(-3), null, $"Internal description {run} naming Dr Example", null, null, $"Public summary {run}", $"Training given {run}", Today));
        await SaveAsync(db => db.Breaches.Add(breach));
        using var anonymous = app.CreateAnonymousClient();

        foreach (var url in new[] { "/public/example-ccg/registers/breaches", "/public/example-ccg/registers/breaches.csv", "/public/example-ccg/registers/breaches.json", "/api/public/organisations/example-ccg/registers/breaches" })
        {
            var body = await GetOkAsync(anonymous, $"{url}?q={run}");
            body.Should().Contain($"Public summary {run}", url);
            body.Should().NotContain("Internal description", url);
            body.Should().NotContain("personId", url);
        }
    }

    [DatabaseFact]
    public async Task Gifts_AcceptedShownWithheldAndUnreviewedNot()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Gift Person {run}", null, "GP partner", isDecisionMakingStaff: true));
        GiftEntry Gift(string canary) => Must(GiftEntry.Declare(organisation, person.Id,
            new OfferDetails(OfferKind.Hospitality, $"Dinner {canary}", "Acme Health Ltd", null, OfferorKind.Other, null, 40m, false, false, Today.AddDays(-10), Today.AddDays(-10), OfferOutcome.Accepted, null, null),
            [], GiftThresholds.Guidance2017, Today));
        var accepted = Gift($"accepted-{run}");
        Check(accepted.Accept(Guid.NewGuid(), "Sophie Turner", Today));
        var withheld = Gift($"withheld-{run}");
        Check(withheld.Accept(Guid.NewGuid(), "Sophie Turner", Today));
        Check(withheld.Withhold("Risk of harm"));
        var unreviewed = Gift($"unreviewed-{run}");
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.GiftEntries.AddRange(accepted, withheld, unreviewed);
        });
        using var anonymous = app.CreateAnonymousClient();

        foreach (var url in new[] { "/public/example-ccg/registers/gifts", "/public/example-ccg/registers/gifts.csv", "/public/example-ccg/registers/gifts.json" })
        {
            var body = await GetOkAsync(anonymous, $"{url}?q={run}");
            body.Should().Contain($"accepted-{run}", url);
            body.Should().NotContain($"withheld-{run}", url);
            body.Should().NotContain($"unreviewed-{run}", url);
        }

        (await GetOkAsync(anonymous, $"/public/example-ccg/registers/gifts.csv?q={run}")).Should().Contain(",40.00,", "amounts are pounds with two decimals");
    }

    [DatabaseFact]
    public async Task Page_Cached_UntilASaveChangesTheRegister()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Cache Person {run}", null, null, isDecisionMakingStaff: true));
        await SaveAsync(db => db.People.Add(person));
        using var anonymous = app.CreateAnonymousClient();
        var url = $"{Interests}?q={run}";
        (await GetOkAsync(anonymous, url)).Should().Contain("No entries match");
        using (var cached = await anonymous.GetAsync(url))
        {
            cached.Headers.Contains("Age").Should().BeTrue("the page is served from the output cache");
        }

        // Any governance save that touches the register evicts the organisation's pages (PublicRegisterInvalidation).
        var late = Accepted(organisation, person.Id, $"Arrived later {run}", null);
        await SaveAsync(db => db.Declarations.Add(late));

        (await GetOkAsync(anonymous, url)).Should().Contain($"Arrived later {run}");
    }

    [DatabaseFact]
    public async Task Withhold_ThroughTheApi_LeavesThePublicPageAtOnce()
    {
        var run = Token();
        var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var declared = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = $"Soon withheld {run}", from = Today.AddDays(-2) });
        var declaration = await declared.ReadJsonAsync<CoCommissioning.Web.Features.Declarations.DeclarationDto>(HttpStatusCode.Created);
        using var accepted = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/accept", new { agreedMitigation = (string?)null, version = declaration.Version });
        var reviewed = await accepted.ReadJsonAsync<CoCommissioning.Web.Features.Declarations.DeclarationDto>(HttpStatusCode.OK);
        using var anonymous = app.CreateAnonymousClient();
        var url = $"{Interests}?q={run}";
        (await GetOkAsync(anonymous, url)).Should().Contain($"Soon withheld {run}");

        using var withheld = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/withhold", new { ground = WithholdingGround.RiskOfHarm, reason = "Threats received", guardianApproved = true, version = reviewed.Version });
        withheld.StatusCode.Should().Be(HttpStatusCode.OK, await withheld.Content.ReadAsStringAsync());

        (await GetOkAsync(anonymous, url)).Should().NotContain($"Soon withheld {run}");
    }

    [DatabaseFact]
    public async Task CorrectedOrEnded_AwaitingReview_ThePublicKeepsSeeingTheAcceptedEntry()
    {
        var run = Token();
        var member = await app.CreateApiClientAsync(DemoUsers.Member);
        var governance = await app.CreateApiClientAsync(DemoUsers.Governance);
        using var declared = await member.PostJsonAsync("/api/declarations", new { category = InterestCategory.Financial, isDirect = true, nature = $"Accepted wording {run}", from = Today.AddDays(-20) });
        var declaration = await declared.ReadJsonAsync<CoCommissioning.Web.Features.Declarations.DeclarationDto>(HttpStatusCode.Created);
        using var accepted = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/accept", new { version = declaration.Version });
        var reviewed = await accepted.ReadJsonAsync<CoCommissioning.Web.Features.Declarations.DeclarationDto>(HttpStatusCode.OK);

        // Changing an accepted entry cannot take it off the register: the public sees the accepted version until review.
        using var corrected = await member.PutJsonAsync($"/api/declarations/{declaration.Id}", new { category = InterestCategory.Financial, isDirect = true, nature = $"Pending wording {run}", from = Today.AddDays(-20), changedOn = Today, version = reviewed.Version });
        var pending = await corrected.ReadJsonAsync<CoCommissioning.Web.Features.Declarations.DeclarationDto>(HttpStatusCode.OK);
        using var anonymous = app.CreateAnonymousClient();
        var page = await GetOkAsync(anonymous, $"{Interests}?q={run}");
        page.Should().Contain($"Accepted wording {run}").And.NotContain($"Pending wording {run}");
        (await GetOkAsync(anonymous, $"{Interests}.csv?q={run}")).Should().Contain($"Accepted wording {run}").And.NotContain("Pending wording");

        using var reaccepted = await governance.PostJsonAsync($"/api/declarations/{declaration.Id}/accept", new { version = pending.Version });
        reaccepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await GetOkAsync(anonymous, $"{Interests}?q={run}")).Should().Contain($"Pending wording {run}").And.NotContain($"Accepted wording {run}");
    }

    [DatabaseFact]
    public async Task Downloads_BadFilter_GetFieldMessagesAndUnknownOrganisation404()
    {
        using var anonymous = app.CreateAnonymousClient();

        using var badDate = await anonymous.GetAsync($"{Interests}.csv?from=2026-02-30");
        badDate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadAsStringAsync()).Should().Contain("\"from\"");
        using var badCategory = await anonymous.GetAsync("/api/public/organisations/example-ccg/registers/interests?category=Bribes");
        badCategory.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var unknown = await anonymous.GetAsync("/public/no-such-organisation/registers/interests.json");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var page = await anonymous.GetAsync("/public/no-such-organisation/registers/interests");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Interests_CommitteeMemberNotMarkedAsStaff_IsADecisionMakerWithTheSeatAsPosition()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Committee Member {run}", null, null, isDecisionMakingStaff: false));
        var role = Must(MemberRole.Create(organisation, $"GP representative {run}", RoleClassification.Clinical));
        var committee = Must(Committee.Create(organisation, $"Primary Care Commissioning Committee {run}", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, null));
        Must(committee.AddMember(person.Id, [role], isVoting: true, Today.AddMonths(-1), null));
        var formerPerson = Must(Person.Create(organisation, $"Former Member {run}", null, null, isDecisionMakingStaff: false));
        Must(committee.AddMember(formerPerson.Id, [role], isVoting: true, Today.AddYears(-2), Today.AddDays(-1)));
        await SaveAsync(db =>
        {
            db.People.AddRange(person, formerPerson);
            db.MemberRoles.Add(role);
            db.Committees.Add(committee);
            db.Declarations.Add(Accepted(organisation, formerPerson.Id, $"Former member interest {run}", null));
        });
        var member = person.Id;

        await SaveAsync(db => db.Declarations.Add(Accepted(organisation, member, $"Committee member interest {run}", null)));
        using var anonymous = app.CreateAnonymousClient();

        var csv = await GetOkAsync(anonymous, $"{Interests}.csv?q={run}");

        csv.Should().Contain($"Committee member interest {run}");
        csv.Should().Contain($"Primary Care Commissioning Committee {run} (voting member)", "positions name the committee seat");
        csv.Should().NotContain($"Former member interest {run}", "someone whose membership has ended no longer makes decisions");
    }

    [DatabaseFact]
    public async Task OpenApi_DescribesTheRegisterEndpoints()
    {
        using var anonymous = app.CreateAnonymousClient();

        var document = await GetOkAsync(anonymous, "/openapi/v1.json");

        foreach (var register in new[] { "interests", "gifts", "procurement", "breaches" })
        {
            document.Should().Contain($"/api/public/organisations/{{slug}}/registers/{register}");
        }
    }

    /// <summary>The SQL filters agree with the domain's IsPublicOn across month ends, leap days and review dates.</summary>
    [DatabaseFact]
    public async Task Filters_EdgeCaseDates_AgreeWithTheDomain()
    {
        var run = Token();
        var organisation = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var person = Must(Person.Create(organisation, $"Window Person {run}", null, null, isDecisionMakingStaff: true));
        DateOnly[] todays = [new(2025, 3, 31), new(2025, 2, 28), new(2024, 2, 29), new(2024, 8, 31), new(2025, 8, 31), new(2025, 9, 30), new(2026, 11, 26), new(2024, 3, 1)];
        DateOnly?[] ends = [null, .. todays.SelectMany(t => Enumerable.Range(-4, 9).Select(k => (DateOnly?)t.AddMonths(-6).AddDays(k))).Distinct()];
        DateOnly?[] reviews = [null, new(2024, 1, 1), new(2025, 3, 31), new(2025, 4, 1)];
        var declarations = new List<Declaration>();
        var gifts = new List<GiftEntry>();
        foreach (var end in ends)
        {
            foreach (var reviewed in reviews)
            {
                var declaration = Must(Declaration.Declare(organisation, person.Id, new InterestDetails(InterestCategory.Financial, true, null, null, $"Window {run}", new(2020, 1, 1), end, null), new(2026, 11, 26)));
                var gift = end is { } offered
                    ? Must(GiftEntry.Declare(organisation, person.Id, new OfferDetails(OfferKind.Hospitality, $"Window {run}", "Acme", null, OfferorKind.Other, null, 10m, false, false, offered, null, OfferOutcome.Declined, null, null), [], GiftThresholds.Guidance2017, offered))
                    : null;
                if (reviewed is { } on)
                {
                    Check(declaration.Accept(Guid.NewGuid(), null, on));
                    if (gift is not null)
                    {
                        Check(gift.Accept(Guid.NewGuid(), null, on));
                    }
                }

                declarations.Add(declaration);
                if (gift is not null)
                {
                    gifts.Add(gift);
                }
            }
        }

        var withheld = Accepted(organisation, person.Id, $"Window {run}", null);
        Check(withheld.Withhold("Legal bar"));
        declarations.Add(withheld);
        await SaveAsync(db =>
        {
            db.People.Add(person);
            db.Declarations.AddRange(declarations);
            db.GiftEntries.AddRange(gifts);
        });

        var dbs = app.Factory.Services.GetRequiredService<GovernanceDbFactory>();
        await using var read = await dbs.CreateForReadingAsync();
        foreach (var today in todays.Concat(todays.Select(t => t.AddDays(1))))
        {
            var sql = await PublicRegisterFilters.PublicDeclarations(read, organisation, today).Where(d => d.PersonId == person.Id).Select(d => d.Id).ToListAsync();
            sql.Should().BeEquivalentTo(declarations.Where(d => d.IsPublicOn(today)).Select(d => d.Id), "interests on {0}", today);
            var sqlGifts = await PublicRegisterFilters.PublicGifts(read, organisation, today).Where(g => g.PersonId == person.Id).Select(g => g.Id).ToListAsync();
            sqlGifts.Should().BeEquivalentTo(gifts.Where(g => g.IsPublicOn(today)).Select(g => g.Id), "gifts on {0}", today);
        }
    }

    /// <summary>The CSV's records as header-to-value maps (the tests' values hold no comma, quote or line break).</summary>
    private static List<Dictionary<string, string>> CsvRecords(string csv)
    {
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(','), (name, value) => (name, value)).ToDictionary(p => p.name, p => p.value))];
    }

    private sealed record SeededInterests(string Accepted, string EndedFiveMonthsAgo, string OtherOrganisation, IReadOnlyList<string> Hidden);

    private async Task<SeededInterests> SeedInterestsAsync(string run)
    {
        var example = await OrganisationIdAsync(DemoSeeder.ExampleSlug);
        var northfield = await OrganisationIdAsync(DemoSeeder.NorthfieldSlug);
        var decisionMaker = Must(Person.Create(example, $"Dr Canary {run}", null, "GP partner", isDecisionMakingStaff: true));
        var bystander = Must(Person.Create(example, $"Not A Decision Maker {run}", null, "Receptionist", isDecisionMakingStaff: false));
        var northfieldPerson = Must(Person.Create(northfield, $"Northfield Person {run}", null, null, isDecisionMakingStaff: true));
        var body = Must(ExternalBody.Create(example, $"Riverside Surgery {run}", BodyKind.GpPractice, null));

        var canary = (string what) => $"{what}-{run}";
        var accepted = Accepted(example, decisionMaker.Id, canary("ACCEPTED"), null, body.Id, "Declared mitigation " + run);
        Check(accepted.Accept(Guid.NewGuid(), "Sophie Turner", "Agreed by the governance lead " + run, Today));
        var withheld = Accepted(example, decisionMaker.Id, canary("WITHHELD"), null);
        Check(withheld.Withhold("Risk of harm to the person"));
        var unreviewed = Must(Declaration.Declare(example, decisionMaker.Id, Details(canary("UNREVIEWED"), null), Today));
        var endedSeven = Accepted(example, decisionMaker.Id, canary("ENDED7"), Today.AddMonths(-7));
        var endedFive = Accepted(example, decisionMaker.Id, canary("ENDED5"), Today.AddMonths(-5));
        var bystanders = Accepted(example, bystander.Id, canary("BYSTANDER"), null);
        var other = Accepted(northfield, northfieldPerson.Id, canary("NORTHFIELD"), null);
        var markup = Accepted(example, decisionMaker.Id, $"<script>alert('x')</script> {run}", null);
        var formula = Accepted(example, decisionMaker.Id, $"=HYPERLINK(\"http://evil.example\") {run}", null);

        await SaveAsync(db =>
        {
            db.People.AddRange(decisionMaker, bystander, northfieldPerson);
            db.ExternalBodies.Add(body);
            db.Declarations.AddRange(accepted, withheld, unreviewed, endedSeven, endedFive, bystanders, other, markup, formula);
        });

        return new(canary("ACCEPTED"), canary("ENDED5"), canary("NORTHFIELD"), [canary("WITHHELD"), canary("UNREVIEWED"), canary("ENDED7"), canary("BYSTANDER"), canary("NORTHFIELD")]);
    }

    private static Declaration Accepted(Guid organisation, Guid person, string nature, DateOnly? to, Guid? body = null, string? mitigation = null)
    {
        var declaration = Must(Declaration.Declare(organisation, person, Details(nature, to, body, mitigation), Today));
        Check(declaration.Accept(Guid.NewGuid(), "Sophie Turner", null, Today));
        return declaration;
    }

    private static InterestDetails Details(string nature, DateOnly? to, Guid? body = null, string? mitigation = null) =>
        new(InterestCategory.Financial, true, null, body, nature, Today.AddYears(-2), to, mitigation);

    private async Task<Guid> OrganisationIdAsync(string slug)
    {
        await using var db = await app.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
        return await db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync();
    }

    private async Task SaveAsync(Action<AppDbContext> change)
    {
        await using var db = await app.Factory.Services.GetRequiredService<GovernanceDbFactory>().CreateAsync(AuditActor.System("public register tests"));
        change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<string> GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} answered {1}", url, body);
        return body;
    }

    private static string Token() => $"t{Guid.NewGuid():N}"[..13];

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Failure!.Message);

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Failure!.Message);
        }
    }
}

/// <summary>On PostgreSQL, the production database.</summary>
public sealed class PostgresPublicRegisterTests(PostgresAppFixture app) : PublicRegisterTests(app), IClassFixture<PostgresAppFixture>;

/// <summary>On SQLite, the embedded default a newcomer's public pages are served from.</summary>
public sealed class SqlitePublicRegisterTests(SqliteAppFixture app) : PublicRegisterTests(app), IClassFixture<SqliteAppFixture>;

using CoCommissioning.Data;
using CoCommissioning.Data.Audit;
using CoCommissioning.Data.Identity;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.People;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Data;

/// <summary>A demo sign-in printed at start-up.</summary>
public sealed record DemoSignIn(string Email, string What);

/// <summary>
/// Applies migrations and seeds the demo: "Example CCG" with a Primary Care Commissioning Committee whose
/// membership follows site 4 of the rule book, and a second organisation to show that tenants are kept apart.
/// </summary>
public sealed class DemoSeeder(GovernanceDbFactory dbs, UserManager<ApplicationUser> users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo-Password-2026";
    public const string ExampleSlug = "example-ccg";
    public const string NorthfieldSlug = "northfield-icb";

    public static readonly IReadOnlyList<DemoSignIn> SignIns =
    [
        new("admin@example-ccg.nhs.uk", "Administrator: user accounts and roles"),
        new("governance@example-ccg.nhs.uk", "Governance lead: audit trail, registers"),
        new("secretary@example-ccg.nhs.uk", "Committee secretary: committees, membership, people"),
        new("chair@example-ccg.nhs.uk", "Member who chairs the PCCC (chair rights follow the office)"),
        new("member@example-ccg.nhs.uk", "Member: a GP on the PCCC"),
        new("secretary@northfield-icb.nhs.uk", "Secretary of another organisation (sees none of Example CCG)"),
    ];

    /// <summary>
    /// Applies the migrations. A database made by the migrations squashed into the baseline (ADR-0027) records
    /// migrations this build does not have: a demo SQLite file (<paramref name="mayRecreateDemo"/>) is recreated, since
    /// it holds only demo data; any other database stops the start with what to do, rather than failing half-way.
    /// </summary>
    public async Task MigrateAsync(bool mayRecreateDemo = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            if (!mayRecreateDemo || !db.Database.IsSqlite())
            {
                throw new InvalidOperationException(
                    $"This database was made by migrations this version does not have ({string.Join(", ", unknown.Take(3))}{(unknown.Count > 3 ? ", …" : "")}): " +
                    "they were squashed into one baseline before the first release (ADR-0027). Back it up, recreate it empty, and start again.");
            }

            logger.LogWarning("The demo database was made by migrations from before the baseline ({Migrations}); recreating it with the demo data", string.Join(", ", unknown));
            await db.Database.EnsureDeletedAsync(ct);
        }

        await db.Database.MigrateAsync(ct);
    }

    /// <summary>
    /// Seeds once: does nothing when any organisation exists. Returns whether it seeded. Runs under the start-up lock
    /// (<see cref="Infrastructure.DatabaseStartup"/>), so an instance starting alongside another waits for this and then
    /// finds the organisations there.
    /// </summary>
    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(AuditActor.System("demo seed"), ct);
        if (await db.Organisations.AnyAsync(ct))
        {
            return false;
        }

        var today = clock.Today();
        var termStart = new DateOnly(today.Year - 1, 4, 1);
        var example = Must(Organisation.Create("Example CCG", ExampleSlug, OrganisationKind.ClinicalCommissioningGroup));
        var northfield = Must(Organisation.Create("Northfield ICB", NorthfieldSlug, OrganisationKind.IntegratedCareBoard));
        db.Organisations.AddRange(example, northfield);

        var roles = new Dictionary<string, MemberRole>();
        foreach (var (name, classification) in RoleCatalogue)
        {
            roles[name] = Must(MemberRole.Create(example.Id, name, classification));
        }

        db.MemberRoles.AddRange(roles.Values);

        var pccc = Must(Committee.Create(
            example.Id,
            "Primary Care Commissioning Committee",
            CommitteeType.PrimaryCareCommissioning,
            CoCommissioningLevel.Delegated,
            "Makes decisions on the primary medical services commissioned under delegation from NHS England: GP contracts, practice mergers, local incentive schemes and procurements."));
        db.Committees.Add(pccc);

        var people = new Dictionary<string, Person>();
        foreach (var seat in Seats)
        {
            var person = Must(Person.Create(example.Id, seat.Name, seat.Email, seat.JobTitle, isDecisionMakingStaff: true));
            people[seat.Name] = person;
            db.People.Add(person);
            if (seat.Role is null)
            {
                continue;
            }

            var membership = Must(pccc.AddMember(person.Id, [roles[seat.Role]], seat.Voting, termStart, seat.TermYears is { } years ? termStart.AddYears(years).AddDays(-1) : null));
            if (seat.Office != CommitteeOffice.None)
            {
                Check(pccc.Appoint(membership.Id, seat.Office, today));
            }
        }

        // The Deputy Chief Finance Officer stands in for the Chief Finance Officer.
        var cfo = pccc.Memberships.Single(m => m.PersonId == people["Mark Benson"].Id);
        Check(pccc.NameDeputy(cfo.Id, people["Lucy Price"].Id));

        // Site 4's quorum clause: "Four members present and this must include; Chief Officer or Chief Finance
        // Officer and two of the following: Lay Member (Audit or Patient and Public Involvement), Nurse, or
        // Secondary Care Consultant".
        var site4 = new QuorumRule(
            4,
            CountBasis.VotingMembers,
            [
                new(1, RoleCriterion.Roles(roles["Chief Officer"].Id, roles["Chief Finance Officer"].Id)),
                new(2, RoleCriterion.Roles(roles["Lay Member (Audit and Governance)"].Id, roles["Lay Member (Patient and Public Involvement)"].Id, roles["Registered Nurse"].Id, roles["Secondary Care Consultant"].Id)),
            ],
            ChairOrViceChairRequired: false,
            LayMajorityRequired: false,
            DeputiesCount: true);
        var names = people.Values.ToDictionary(p => p.Id, p => p.FullName);
        var seats = pccc.CurrentMemberships(termStart)
            .Select(m => new CoCommissioning.Domain.Quorum.Seat(m.Id, m.PersonId, names[m.PersonId], [.. m.RoleIds.Select(id => roles.Values.Single(r => r.Id == id)).Select(r => new SeatRole(r.Id, r.Name, r.Classification))], m.IsVoting, m.Office))
            .ToList();
        Must(pccc.AdoptTermsOfReference(
            new TermsOfReferenceContent(termStart, CoCommissioningLevel.Delegated, 6, true, site4, new VotingRules(MajorityBasis.VotesCast, DeputiesMayVote: true, PresidingPersonHasCastingVote: true), CoOptionAllowed: true),
            [.. roles.Values],
            seats));

        var northfieldCommittee = Must(Committee.Create(northfield.Id, "Primary Care Commissioning Committee", CommitteeType.PrimaryCareCommissioning, CoCommissioningLevel.Delegated, "Northfield ICB's primary care committee."));
        db.Committees.Add(northfieldCommittee);
        var northfieldSecretary = Must(Person.Create(northfield.Id, "Owen Price", "secretary@northfield-icb.nhs.uk", "Committee Secretary", false));
        db.People.Add(northfieldSecretary);

        await db.SaveChangesAsync(ct);

        await AddUserAsync(db, example.Id, "admin@example-ccg.nhs.uk", "Alex Morgan", people["Alex Morgan"].Id, [AppRole.Administrator, AppRole.Member]);
        await AddUserAsync(db, example.Id, "governance@example-ccg.nhs.uk", "Sophie Turner", people["Sophie Turner"].Id, [AppRole.GovernanceLead, AppRole.Member]);
        await AddUserAsync(db, example.Id, "secretary@example-ccg.nhs.uk", "Emma Clarke", people["Emma Clarke"].Id, [AppRole.CommitteeSecretary, AppRole.Member]);
        await AddUserAsync(db, example.Id, "chair@example-ccg.nhs.uk", "Helen Carter", people["Helen Carter"].Id, [AppRole.Member]);
        await AddUserAsync(db, example.Id, "member@example-ccg.nhs.uk", "Dr Aisha Rahman", people["Dr Aisha Rahman"].Id, [AppRole.Member]);
        await AddUserAsync(db, northfield.Id, "secretary@northfield-icb.nhs.uk", "Owen Price", northfieldSecretary.Id, [AppRole.CommitteeSecretary, AppRole.Member]);
        await db.SaveChangesAsync(ct);

        // Each demo committee's secretary keeps its meetings (ADR-0019).
        await AddCommitteeSecretaryAsync(db, example.Id, pccc.Id, "secretary@example-ccg.nhs.uk");
        await AddCommitteeSecretaryAsync(db, northfield.Id, northfieldCommittee.Id, "secretary@northfield-icb.nhs.uk");

        var governanceLead = await users.FindByEmailAsync("governance@example-ccg.nhs.uk") ?? throw new InvalidOperationException("The demo governance lead was not created.");
        DemoRegisters.Add(db, example.Id, people, pccc.Id, governanceLead.Id, governanceLead.DisplayName, today);
        DemoMeetings.Add(db, example.Id, pccc, people, today);
        await db.SaveChangesAsync(ct);

        logger.LogInformation("Seeded the demo organisations {Example} and {Northfield}", example.Name, northfield.Name);
        return true;
    }

    public static void PrintWelcome(WebApplication app, bool seeded)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "CoCommissioning is running" + (seeded ? " with freshly seeded demo data." : " (demo data already present)."),
        };
        lines.AddRange(addresses.Select(a => $"  Open {a}"));
        lines.Add($"  Demo sign-ins (password for all: {DemoPassword}):");
        lines.AddRange(SignIns.Select(s => $"    {s.Email,-34} {s.What}"));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private async Task AddUserAsync(AppDbContext db, Guid organisationId, string email, string name, Guid personId, AppRole[] appRoles)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            DefaultOrganisationId = organisationId,
            PersonId = personId,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, DemoPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        db.RoleAssignments.AddRange(appRoles.Select(r => new OrganisationRoleAssignment(organisationId, user.Id, r)));
    }

    private async Task AddCommitteeSecretaryAsync(AppDbContext db, Guid organisationId, Guid committeeId, string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"The demo user {email} was not created.");
        db.CommitteeSecretaries.Add(new CommitteeSecretary(organisationId, committeeId, user.Id, clock.GetUtcNow()));
    }

    private static T Must<T>(CommandResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo data is invalid: {result.Failure!.Message}");

    private static void Check(CommandResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo data is invalid: {result.Failure!.Message}");
        }
    }

    private static readonly (string Name, RoleClassification Classification)[] RoleCatalogue =
    [
        ("Lay Member (Audit and Governance)", RoleClassification.Lay),
        ("Lay Member (Patient and Public Involvement)", RoleClassification.Lay),
        ("Lay Advisor", RoleClassification.Lay),
        ("Registered Nurse", RoleClassification.Clinical),
        ("Secondary Care Consultant", RoleClassification.Clinical),
        ("GP Practice Representative", RoleClassification.Clinical),
        ("Chief Officer", RoleClassification.Executive),
        ("Chief Finance Officer", RoleClassification.Executive),
        ("Chief of Service Delivery and Quality", RoleClassification.Executive),
        ("Head of Contracting", RoleClassification.Executive),
        ("NHS England Representative", RoleClassification.Representative),
        ("Local Medical Committee Representative", RoleClassification.Representative),
        ("Health and Wellbeing Board Representative", RoleClassification.Representative),
        ("Healthwatch Representative", RoleClassification.Representative),
        ("Governance Lead (in attendance)", RoleClassification.Observer),
    ];

    private sealed record Seat(string Name, string? Email, string JobTitle, string? Role, bool Voting, CommitteeOffice Office = CommitteeOffice.None, int? TermYears = 3);

    // Site 4 of the rule book: lay members and a lay advisor, nurse, secondary care consultant, practice
    // representatives, chief officer and chief finance officer voting; four non-voting representatives.
    private static readonly Seat[] Seats =
    [
        new("Helen Carter", "chair@example-ccg.nhs.uk", "Lay Member for Patient and Public Involvement", "Lay Member (Patient and Public Involvement)", true, CommitteeOffice.Chair),
        new("David Okafor", "david.okafor@example-ccg.nhs.uk", "Lay Member for Audit and Governance", "Lay Member (Audit and Governance)", true, CommitteeOffice.ViceChair),
        new("Priya Shah", "priya.shah@example-ccg.nhs.uk", "Lay Advisor", "Lay Advisor", true),
        new("Sarah Whitfield", "sarah.whitfield@example-ccg.nhs.uk", "Registered Nurse Member", "Registered Nurse", true),
        new("Dr James Morton", "james.morton@example-ccg.nhs.uk", "Secondary Care Consultant", "Secondary Care Consultant", true),
        new("Dr Aisha Rahman", "member@example-ccg.nhs.uk", "GP, Riverside Surgery", "GP Practice Representative", true),
        new("Dr Tom Gallagher", "tom.gallagher@example-ccg.nhs.uk", "GP, Northgate Medical Practice", "GP Practice Representative", true, TermYears: 2),
        new("Rachel Adams", "rachel.adams@example-ccg.nhs.uk", "Chief Officer", "Chief Officer", true),
        new("Mark Benson", "mark.benson@example-ccg.nhs.uk", "Chief Finance Officer", "Chief Finance Officer", true),
        new("Claire Hughes", "claire.hughes@england.nhs.uk", "Head of Primary Care, NHS England", "NHS England Representative", false, TermYears: null),
        new("Dr Ben Foster", "ben.foster@example-lmc.org.uk", "Local Medical Committee Secretary", "Local Medical Committee Representative", false, TermYears: null),
        new("Cllr Janet Moore", "janet.moore@example-council.gov.uk", "Health and Wellbeing Board", "Health and Wellbeing Board Representative", false, TermYears: null),
        new("Peter Lawson", "peter.lawson@example-healthwatch.org.uk", "Healthwatch", "Healthwatch Representative", false, TermYears: null),
        new("Lucy Price", "lucy.price@example-ccg.nhs.uk", "Deputy Chief Finance Officer", null, false),
        new("Emma Clarke", "secretary@example-ccg.nhs.uk", "Committee Secretary", null, false),
        new("Sophie Turner", "governance@example-ccg.nhs.uk", "Head of Governance", null, false),
        new("Alex Morgan", "admin@example-ccg.nhs.uk", "Systems Administrator", null, false),
    ];
}

using CoCommissioning.Data;
using CoCommissioning.Domain.Committees;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Decisions;
using CoCommissioning.Domain.Quorum;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.TermsOfReference;

/// <summary>Reads, adopts, previews, exports and imports committees' terms of reference.</summary>
public sealed class TermsOfReferenceService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<TermsOfReferenceService> logger)
{
    private DateOnly Today => clock.Today();

    public async Task<TermsOfReferenceDto?> GetAsync(CurrentUser user, Guid committeeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committee = await LoadAsync(db, user, committeeId, ct);
        return committee is null ? null : await ToDtoAsync(db, committee, ct);
    }

    /// <summary>The version in force on a date (today by default) as an exchange document.</summary>
    public async Task<TermsOfReferenceDocument?> ExportAsync(CurrentUser user, Guid committeeId, DateOnly? on, CancellationToken ct = default)
    {
        var dto = await GetAsync(user, committeeId, ct);
        var date = on ?? Today;
        return dto?.Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom)?.Document;
    }

    /// <summary>Checks a draft and reads its quorum back in words, saving nothing.</summary>
    public async Task<CommandResult<TermsOfReferencePreviewDto>> PreviewAsync(CurrentUser user, Guid committeeId, TermsOfReferenceDocument document, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var committee = await LoadAsync(db, user, committeeId, ct);
        if (committee is null)
        {
            return Failure.NotFound("The committee");
        }

        var roles = await RolesAsync(db, user, ct);
        var mapped = ToContent(document, roles);
        if (!mapped.TryGetValue(out var content, out var failure))
        {
            return CommandResult<TermsOfReferencePreviewDto>.Success(new("", failure.FieldErrors));
        }

        var seats = await Seats.OnAsync(db, committee, document.EffectiveFrom, ct);
        var check = TermsOfReferenceCheck.Validate(content, roles, seats);
        var words = QuorumText.Render(content.Quorum, roles.ToDictionary(r => r.Id, r => r.Name));
        return CommandResult<TermsOfReferencePreviewDto>.Success(new(words, check.Failure?.FieldErrors ?? new Dictionary<string, string[]>()));
    }

    public async Task<CommandResult<TermsOfReferenceDto>> AdoptAsync(CurrentUser user, Guid committeeId, AdoptTermsOfReferenceRequest request, CancellationToken ct = default)
    {
        if (request.Document is null)
        {
            return Failure.Validation("document", "Send the terms of reference document.");
        }

        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var committee = await LoadAsync(db, user, committeeId, ct);
        if (committee is null)
        {
            return Failure.NotFound("The committee");
        }

        if (committee.Version != request.Version)
        {
            return Failure.Conflict("committee");
        }

        var roles = await RolesAsync(db, user, ct);
        var mapped = ToContent(request.Document, roles);
        if (!mapped.TryGetValue(out var content, out var failure))
        {
            return failure;
        }

        var seats = await Seats.OnAsync(db, committee, request.Document.EffectiveFrom, ct);
        var adopted = committee.AdoptTermsOfReference(content, roles, seats);
        if (adopted.TryGetFailure(out failure))
        {
            return failure;
        }

        if (await Saving.SaveAsync(db, "committee", ct) is { Failure: { } lost })
        {
            return lost;
        }

        logger.LogInformation("Committee {CommitteeId}: {UserId} adopted terms of reference effective {EffectiveFrom}", committeeId, user.UserId, request.Document.EffectiveFrom);
        return CommandResult<TermsOfReferenceDto>.Success(await ToDtoAsync(db, committee, ct));
    }

    /// <summary>Maps a document's role names to the organisation's roles; unknown names are field errors.</summary>
    internal static CommandResult<TermsOfReferenceContent> ToContent(TermsOfReferenceDocument document, IReadOnlyCollection<MemberRole> roles)
    {
        var errors = new Dictionary<string, string[]>();
        if (document.Format != TermsOfReferenceDocument.CurrentFormat)
        {
            errors["format"] = [$"This is not a terms of reference document this version reads: expected format \"{TermsOfReferenceDocument.CurrentFormat}\"."];
        }

        if (Dates.Check("effectiveFrom", document.EffectiveFrom) is { } badDate)
        {
            errors["effectiveFrom"] = badDate.FieldErrors["effectiveFrom"];
        }

        if (document.Quorum is null || document.Voting is null)
        {
            errors[document.Quorum is null ? "quorum" : "voting"] = ["This part of the document is missing."];
            return Failure.Validation(errors);
        }

        var byName = roles.GroupBy(r => r.Name.Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var requirements = new List<QuorumRequirement>();
        var list = document.Quorum.Requirements ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var requirement = list[i];
            if (requirement is null)
            {
                errors[$"quorum.requirements[{i}]"] = ["This requirement is empty: remove it or say who it needs."];
                continue;
            }

            var ids = new List<Guid>();
            var names = requirement.Roles ?? [];
            for (var j = 0; j < names.Count; j++)
            {
                if (byName.TryGetValue(names[j]?.Trim() ?? "", out var role))
                {
                    ids.Add(role.Id);
                }
                else
                {
                    errors[$"quorum.requirements[{i}].roles[{j}]"] = [$"Your organisation has no role named \"{names[j]}\". Add it to the role catalogue or choose another."];
                }
            }

            requirements.Add(new QuorumRequirement(requirement.AtLeast, new RoleCriterion(ids, [.. requirement.Classifications ?? []], requirement.AnyNonVotingMember)));
        }

        if (errors.Count > 0)
        {
            return Failure.Validation(errors);
        }

        var quorum = new QuorumRule(document.Quorum.MinimumPresent, document.Quorum.CountBasis, requirements, document.Quorum.ChairOrViceChairRequired, document.Quorum.LayMajorityRequired, document.Quorum.DeputiesCount);
        var voting = new VotingRules(document.Voting.MajorityBasis, document.Voting.DeputiesMayVote, document.Voting.PresidingPersonHasCastingVote);
        return CommandResult<TermsOfReferenceContent>.Success(new(document.EffectiveFrom, document.Level, document.MinimumMeetingsPerYear, document.MeetingsPublicByDefault, quorum, voting, document.CoOptionAllowed));
    }

    internal static TermsOfReferenceDocument ToDocument(TermsOfReferenceContent content, IReadOnlyDictionary<Guid, string> roleNames) =>
        new(
            TermsOfReferenceDocument.CurrentFormat,
            content.EffectiveFrom,
            content.Level,
            content.MinimumMeetingsPerYear,
            content.MeetingsPublicByDefault,
            new QuorumDocument(
                content.Quorum.MinimumPresent,
                content.Quorum.CountBasis,
                [.. content.Quorum.Requirements.Select(r => new RequirementDocument(
                    r.AtLeast,
                    [.. r.Criterion.RoleIds.Select(id => roleNames.GetValueOrDefault(id) ?? id.ToString())],
                    [.. r.Criterion.Classifications],
                    r.Criterion.AnyNonVotingMember))],
                content.Quorum.ChairOrViceChairRequired,
                content.Quorum.LayMajorityRequired,
                content.Quorum.DeputiesCount),
            new VotingDocument(content.Voting.MajorityBasis, content.Voting.DeputiesMayVote, content.Voting.PresidingPersonHasCastingVote),
            content.CoOptionAllowed);

    private static Task<Committee?> LoadAsync(AppDbContext db, CurrentUser user, Guid committeeId, CancellationToken ct) =>
        db.Committees.Include(c => c.Memberships).Include(c => c.TermsOfReferenceVersions).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == committeeId && c.OrganisationId == user.OrganisationId, ct);

    private static async Task<IReadOnlyCollection<MemberRole>> RolesAsync(AppDbContext db, CurrentUser user, CancellationToken ct) =>
        await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == user.OrganisationId).ToListAsync(ct);

    private async Task<TermsOfReferenceDto> ToDtoAsync(AppDbContext db, Committee committee, CancellationToken ct)
    {
        var roleNames = await db.MemberRoles.AsNoTracking().Where(r => r.OrganisationId == committee.OrganisationId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var inForce = committee.TermsOfReferenceOn(Today);
        var versions = committee.TermsOfReferenceVersions
            .OrderByDescending(v => v.EffectiveFrom)
            .Select(v => new TermsOfReferenceVersionDto(v.Id, v.EffectiveFrom, v == inForce, QuorumText.Render(v.Quorum, roleNames), ToDocument(v.Content, roleNames)))
            .ToList();
        return new TermsOfReferenceDto(committee.Id, committee.Name, committee.Version, versions.FirstOrDefault(v => v.InForceToday), versions);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using CoCommissioning.Data;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.MeetingPack;

/// <summary>A pack to download: the PDF, its file name and the fingerprint it was built from (the ETag).</summary>
public sealed record PackFile(byte[] Bytes, string FileName, string Fingerprint, int PageCount);

/// <summary>
/// The meeting pack of a meeting, public or private part (ADR-0020). What goes in it comes from what the meeting page
/// shows: the organisation's own view of the meeting (<see cref="MeetingService"/>) for people signed in, the public
/// meeting page's (<see cref="PublicMeetingsService"/>) for the public, so the public pack holds exactly what the
/// public page lists and nothing unpublished or private can reach it. The plan's fingerprint is compared with the pack
/// stored in the database for the meeting and part: the same, and the stored pack is served; different (a paper added,
/// replaced, removed or made private, an item changed or moved, the meeting's details changed), and the pack is built
/// again and stored, so every app instance serves the pack of the agenda as it stands.
/// </summary>
public sealed class MeetingPackService(
    GovernanceDbFactory dbs, MeetingService meetings, PublicMeetingsService publicMeetings, TimeProvider clock, ILogger<MeetingPackService> logger)
{
    private static readonly MeetingPackRenderer Renderer = new();
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly ConcurrentDictionary<(Guid MeetingId, PackPart Part), SemaphoreSlim> Builds = new();

    /// <summary>
    /// Where the meeting is held, as the cover says it: the venue and its address, and "online" when there is a
    /// joining link (the link itself stays on the meeting's page, where it can be kept up to date).
    /// </summary>
    public static string? Venue(string? venueName, string? venueAddress, string? joiningLink)
    {
        var place = string.Join(", ", new[] { venueName, venueAddress }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.ReplaceLineEndings(", ")));
        var online = string.IsNullOrWhiteSpace(joiningLink) ? null : "online (joining details on the meeting's page)";
        return (place.Length > 0, online) switch
        {
            (true, null) => place,
            (true, _) => $"{place}, and {online}",
            (false, not null) => "Online (joining details on the meeting's page)",
            _ => null,
        };
    }

    /// <summary>A withdrawn item keeps its number in the pack, marked withdrawn, without papers (ADR-0018).</summary>
    private static string ItemTitle(string title, string? withdrawnReason) =>
        withdrawnReason is null ? title : $"{title} (withdrawn: {withdrawnReason})";

    /// <summary>A part of the pack for someone signed in to the meeting's organisation; null when it is not theirs.</summary>
    public async Task<PackFile?> ForOrganisationAsync(CurrentUser user, Guid meetingId, PackPart part, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await meetings.GetAsync(user, meetingId, ct) is not { } meeting)
        {
            return null;
        }

        string committee;
        string organisation;
        await using (var db = await dbs.CreateForReadingAsync(ct))
        {
            committee = await db.Committees.AsNoTracking().Where(c => c.Id == meeting.CommitteeId).Select(c => c.Name).SingleAsync(ct);
            organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        }

        // The papers as the meeting page lists them: current versions (a new version has a new id), removed ones left out.
        var papers = meeting.Papers.Where(p => p.RemovedReason is null).ToList();
        var where = meeting.Arrangements;
        var source = new PackMeeting(organisation, committee, meeting.Title, meeting.StartsAt, Venue(where.VenueName, where.VenueAddress, where.JoiningLink),
            [.. meeting.Items.Select(i => new PackItem(i.Id, i.Number, ItemTitle(i.Title, i.WithdrawnReason), i.Purpose, i.Presenter, i.IsPrivate,
                i.WithdrawnReason is not null ? [] : [.. papers.Where(p => p.ItemId == i.Id).Select(p => new PackPaper(p.Id, p.Title, p.FileName, p.ContentType, p.SizeBytes, p.IsPublic))]))]);
        var file = await GetOrBuildAsync(user.OrganisationId, meetingId, MeetingPackPlanner.Plan(source, part), ct);
        logger.LogInformation("Meeting {MeetingId}: {UserId} downloaded the {Part} pack", meetingId, user.UserId, part);
        return file;
    }

    /// <summary>
    /// The public part, for anyone: null unless the organisation publishes the meeting and its agenda has been
    /// published. Built only from the public meeting page's items and papers.
    /// </summary>
    public async Task<PackFile?> ForPublicAsync(string slug, Guid meetingId, CancellationToken ct = default)
    {
        if (await publicMeetings.MeetingAsync(slug, meetingId, ct) is not { AgendaPublishedAt: not null } meeting)
        {
            return null;
        }

        Guid organisationId;
        await using (var db = await dbs.CreateForReadingAsync(ct))
        {
            organisationId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.OrganisationId).SingleAsync(ct);
        }

        var where = meeting.Arrangements;
        var source = new PackMeeting(meeting.Organisation.Name, meeting.CommitteeName, meeting.Title, meeting.StartsAt, Venue(where?.VenueName, where?.VenueAddress, where?.JoiningLink),
            [.. meeting.Items.Select(i => new PackItem(i.Id, i.Number, ItemTitle(i.Title, i.WithdrawnReason), i.Purpose, i.Presenter, false,
                i.WithdrawnReason is not null ? [] : [.. i.Papers.Select(p => new PackPaper(p.Id, p.Title, p.FileName, p.ContentType, p.SizeBytes, true))]))]);
        return await GetOrBuildAsync(organisationId, meetingId, MeetingPackPlanner.Plan(source, PackPart.Public), ct);
    }

    /// <summary>"pccc-2026-11-26-pack-public.pdf": the committee's initials, the meeting's UK date and the part.</summary>
    public static string FileName(PackPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var date = TimeZoneInfo.ConvertTime(plan.Meeting.StartsAt, UkTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{MinutesExportEndpoints.CommitteeSlug(plan.Meeting.CommitteeName)}-{date}-pack-{(plan.Part == PackPart.Private ? "private" : "public")}.pdf";
    }

    /// <summary>
    /// The stored pack when its fingerprint is the plan's; otherwise builds it from the papers' bytes and stores it.
    /// Two instances building the same pack at once both serve what they built; one of the two is kept. A pack built
    /// while a paper's bytes were missing (removed as it was read) is served but not stored.
    /// </summary>
    private async Task<PackFile> GetOrBuildAsync(Guid organisationId, Guid meetingId, PackPlan plan, CancellationToken ct)
    {
        if (await StoredAsync(meetingId, plan, ct) is { } kept)
        {
            return kept;
        }

        // On this instance one build at a time per pack: a burst of downloads after publication builds once, the
        // rest find it stored. (Instances do not wait for each other; at worst each builds once.)
        var gate = Builds.GetOrAdd((meetingId, plan.Part), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await StoredAsync(meetingId, plan, ct) ?? await BuildAsync(organisationId, meetingId, plan, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<PackFile?> StoredAsync(Guid meetingId, PackPlan plan, CancellationToken ct)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var kept = await db.MeetingPacks.AsNoTracking()
            .Where(p => p.MeetingId == meetingId && p.Part == plan.Part && p.Fingerprint == plan.Fingerprint)
            .Select(p => new { p.Bytes, p.PageCount })
            .SingleOrDefaultAsync(ct);
        return kept is null ? null : new PackFile(kept.Bytes, FileName(plan), plan.Fingerprint, kept.PageCount);
    }

    private async Task<PackFile> BuildAsync(Guid organisationId, Guid meetingId, PackPlan plan, CancellationToken ct)
    {
        // The pack is not a governance record: the reading context stores it without an audit entry (ADR-0020).
        await using var db = await dbs.CreateForReadingAsync(ct);
        var ids = plan.Items.SelectMany(i => i.Papers).Select(p => p.Paper.Id).ToList();
        var contents = await db.MeetingPapers.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.MeetingId == meetingId && p.OrganisationId == organisationId)
            .Join(db.PaperContents, p => p.Id, c => c.PaperId, (p, c) => new { c.PaperId, c.Bytes })
            .ToDictionaryAsync(c => c.PaperId, c => c.Bytes, ct);

        var started = clock.GetTimestamp();
        var built = Renderer.Render(plan, contents);
        logger.LogInformation("Meeting {MeetingId}: built the {Part} pack ({Pages} pages, {Papers} papers, {Bytes} bytes) in {Elapsed} ms",
            meetingId, plan.Part, built.PageCount, ids.Count, built.Bytes.Length, (long)clock.GetElapsedTime(started).TotalMilliseconds);

        if (contents.Count == ids.Count)
        {
            var replace = await db.MeetingPacks.AnyAsync(p => p.MeetingId == meetingId && p.Part == plan.Part, ct);
            await StoreAsync(db, organisationId, meetingId, plan, built, replace, ct);
        }

        return new PackFile(built.Bytes, FileName(plan), plan.Fingerprint, built.PageCount);
    }

    private async Task StoreAsync(AppDbContext db, Guid organisationId, Guid meetingId, PackPlan plan, BuiltPack built, bool replace, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        try
        {
            if (replace)
            {
                await db.MeetingPacks.Where(p => p.MeetingId == meetingId && p.Part == plan.Part)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(p => p.Fingerprint, plan.Fingerprint)
                        .SetProperty(p => p.Bytes, built.Bytes)
                        .SetProperty(p => p.PageCount, built.PageCount)
                        .SetProperty(p => p.BuiltAt, now), ct);
            }
            else
            {
                db.MeetingPacks.Add(new StoredMeetingPack(meetingId, organisationId, plan.Part, plan.Fingerprint, built.Bytes, built.PageCount, now));
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException e)
        {
            // Another instance stored its pack first: both were built from the agenda as it stood, so ours is served unstored.
            logger.LogInformation(e, "Meeting {MeetingId}: the {Part} pack was stored by another request first", meetingId, plan.Part);
        }
    }
}

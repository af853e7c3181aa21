using CoCommissioning.Data;
using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.Meetings;
using CoCommissioning.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.Meetings;

/// <summary>
/// Papers for agenda items: the secretary uploads, anyone signed in to the organisation downloads. The paper's
/// details and its bytes are saved together, in one save (so one transaction, with the audit entry).
/// </summary>
public sealed class MeetingPaperService(GovernanceDbFactory dbs, MeetingService meetings, TimeProvider clock, ILogger<MeetingPaperService> logger)
{
    /// <summary>
    /// Reads the file's first <see cref="MeetingPaper.HeadLength"/> bytes and checks the upload on its declared size
    /// and those bytes, so an oversized file, or one whose contents are not what its name says, is refused having read
    /// at most that much; then reads at most <see cref="MeetingPaper.MaxSizeBytes"/> + 1 bytes in all and checks again
    /// on what arrived.
    /// </summary>
    public async Task<CommandResult<PaperDto>> UploadAsync(CurrentUser user, Guid meetingId, Guid itemId, PaperUpload upload, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(user.AsAuditActor(), ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items)
            .SingleOrDefaultAsync(m => m.Id == meetingId && m.OrganisationId == user.OrganisationId, ct);
        if (meeting is null)
        {
            return Failure.NotFound("The meeting");
        }

        if ((await MeetingAccess.RefusedAsync(db, user, meeting.CommitteeId, MeetingWork.Prepare, ct) ?? MeetingAccess.RefusedByState(meeting, MeetingWork.Prepare)) is { } refused)
        {
            return refused;
        }

        var now = clock.Now();
        using var buffer = new MemoryStream();
        await ReadAtMostAsync(content, buffer, MeetingPaper.HeadLength, ct);
        var declared = MeetingPaper.Upload(meeting, itemId, upload.Title, upload.FileName, upload.Size, buffer.ToArray(), upload.IsPublic, now);
        if (declared.TryGetFailure(out var failure))
        {
            return failure;
        }

        await ReadAtMostAsync(content, buffer, MeetingPaper.MaxSizeBytes + 1, ct);
        var bytes = buffer.ToArray();
        var checkedPaper = bytes.Length == upload.Size
            ? declared
            : MeetingPaper.Upload(meeting, itemId, upload.Title, upload.FileName, bytes.Length, bytes, upload.IsPublic, now);
        if (!checkedPaper.TryGetValue(out var paper, out var checkedPaperFailure))
        {
            return checkedPaperFailure;
        }
        db.MeetingPapers.Add(paper);
        db.PaperContents.Add(new PaperContent(paper.Id, bytes));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Meeting {MeetingId}: {UserId} uploaded paper {PaperId} for item {ItemId} ({SizeBytes} bytes, public {IsPublic})", meetingId, user.UserId, paper.Id, itemId, paper.SizeBytes, paper.IsPublic);
        return CommandResult<PaperDto>.Success(ToDto(paper));
    }

    /// <summary>
    /// Replaces a paper with a new version (the earlier one is kept and listed; the paper's link serves the new one).
    /// The file is checked on its declared size before any byte is read, then read (at most the largest paper and a
    /// byte) before the meeting's lock is taken, so a retried attempt never re-reads the upload.
    /// </summary>
    public async Task<CommandResult<MeetingDto>> ReplaceAsync(CurrentUser user, Guid meetingId, Guid paperId, PaperReplacement replacement, Stream content, CancellationToken ct = default)
    {
        if (replacement.Size > MeetingPaper.MaxSizeBytes)
        {
            return Failure.Validation("file", $"The file is {(replacement.Size / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} MB; papers must be {MeetingPaper.MaxSizeBytes / (1024 * 1024)} MB or smaller.");
        }

        using var buffer = new MemoryStream();
        await ReadAtMostAsync(content, buffer, MeetingPaper.MaxSizeBytes + 1, ct);
        var bytes = buffer.ToArray();
        Guid? newId = null;
        var result = await meetings.ChangeAsync(user, meetingId, replacement.Version, "replaced a paper", async (db, meeting) =>
        {
            if (await CurrentOfAsync(db, meeting, paperId, ct) is not { } current)
            {
                return Failure.NotFound("The paper");
            }

            var replaced = MeetingPaper.Replace(meeting, current, replacement.Title, replacement.FileName, bytes.Length, bytes, replacement.Reason, clock.Now());
            if (!replaced.TryGetValue(out var newPaper, out var failure))
            {
                return failure;
            }

            db.MeetingPapers.Add(newPaper);
            db.PaperContents.Add(new PaperContent(newPaper.Id, bytes));
            newId = newPaper.Id;
            return CommandResult.Success();
        }, ct);
        if (result.Succeeded)
        {
            logger.LogInformation("Meeting {MeetingId}: {UserId} replaced paper {PaperId} with {NewPaperId} ({SizeBytes} bytes)", meetingId, user.UserId, paperId, newId, bytes.Length);
        }

        return result;
    }

    /// <summary>Moves a paper (all its versions) to another item of the meeting.</summary>
    public Task<CommandResult<MeetingDto>> MoveAsync(CurrentUser user, Guid meetingId, Guid paperId, MovePaperRequest request, CancellationToken ct = default) =>
        ChangeSeriesAsync(user, meetingId, paperId, request.Version, "moved a paper", (meeting, paper) => paper.MoveTo(meeting, request.ItemId, request.Reason, clock.Now()), ct);

    /// <summary>Makes a paper (all its versions) public or private.</summary>
    public Task<CommandResult<MeetingDto>> ChangeVisibilityAsync(CurrentUser user, Guid meetingId, Guid paperId, PaperVisibilityRequest request, CancellationToken ct = default) =>
        ChangeSeriesAsync(user, meetingId, paperId, request.Version, request.IsPublic ? "made a paper public" : "made a paper private", (meeting, paper) => paper.ChangeVisibility(meeting, request.IsPublic, request.Reason, clock.Now()), ct);

    /// <summary>Removes a paper: before publication every version goes; after it, it stays listed as removed, with the reason.</summary>
    public Task<CommandResult<MeetingDto>> RemoveAsync(CurrentUser user, Guid meetingId, Guid paperId, RemovePaperRequest request, CancellationToken ct = default) =>
        meetings.ChangeAsync(user, meetingId, request.Version, "removed a paper", async (db, meeting) =>
        {
            if (await CurrentOfAsync(db, meeting, paperId, ct) is not { } current)
            {
                return Failure.NotFound("The paper");
            }

            var removed = current.Remove(meeting, request.Reason, clock.Now());
            if (removed.TryGetFailure(out var failure))
            {
                return failure;
            }

            if (removed.Value)
            {
                var series = await db.MeetingPapers.Where(p => p.SeriesId == current.SeriesId && p.MeetingId == meeting.Id).ToListAsync(ct);
                var ids = series.Select(p => p.Id).ToList();
                db.PaperContents.RemoveRange(await db.PaperContents.Where(c => ids.Contains(c.PaperId)).ToListAsync(ct));
                db.MeetingPapers.RemoveRange(series);
            }

            return CommandResult.Success();
        }, ct);

    /// <summary>
    /// The paper's file: its current version (an earlier version's id finds the same paper), or with
    /// <paramref name="versionNumber"/> that version. Null when there is no such paper of this meeting in the user's
    /// organisation, or it was removed.
    /// </summary>
    public Task<PaperFile?> DownloadAsync(CurrentUser user, Guid meetingId, Guid paperId, CancellationToken ct = default) =>
        DownloadAsync(user, meetingId, paperId, null, ct);

    public async Task<PaperFile?> DownloadAsync(CurrentUser user, Guid meetingId, Guid paperId, int? versionNumber, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var series = await db.MeetingPapers.AsNoTracking()
            .Where(p => p.Id == paperId && p.MeetingId == meetingId && p.OrganisationId == user.OrganisationId)
            .Select(p => (Guid?)p.SeriesId).SingleOrDefaultAsync(ct);
        var paper = await db.MeetingPapers.AsNoTracking()
            .Where(p => p.SeriesId == series && p.MeetingId == meetingId && p.OrganisationId == user.OrganisationId)
            .Where(p => versionNumber == null ? p.SupersededAt == null && p.RemovedAt == null : p.VersionNumber == versionNumber)
            .Join(db.PaperContents, p => p.Id, c => c.PaperId, (p, c) => new PaperFile(p.FileName, p.ContentType, c.Bytes))
            .SingleOrDefaultAsync(ct);
        if (paper is not null)
        {
            logger.LogInformation("Meeting {MeetingId}: {UserId} downloaded paper {PaperId}", meetingId, user.UserId, paperId);
        }

        return paper;
    }

    private static PaperDto ToDto(MeetingPaper p) => new(p.Id, p.ItemId, p.Title, p.FileName, p.ContentType, p.SizeBytes, p.IsPublic, p.UploadedAt, p.VersionNumber, p.LateReason, p.RemovedReason, []);

    /// <summary>The meeting's papers as they stand: each current version, oldest paper first, with its earlier versions.</summary>
    internal static List<PaperDto> ToDtos(IReadOnlyList<MeetingPaper> papers)
    {
        var earlier = papers.Where(p => !p.IsCurrent).ToLookup(p => p.SeriesId);
        return [.. papers.Where(p => p.IsCurrent)
            .OrderBy(p => papers.Where(v => v.SeriesId == p.SeriesId).Min(v => v.UploadedAt)).ThenBy(p => p.SeriesId)
            .Select(p => ToDto(p) with
            {
                EarlierVersions = [.. earlier[p.SeriesId].OrderByDescending(v => v.VersionNumber)
                    .Select(v => new PaperVersionDto(v.Id, v.VersionNumber, v.Title, v.FileName, v.SizeBytes, v.UploadedAt, v.SupersededAt))],
            })];
    }

    /// <summary>The current version of the paper <paramref name="paperId"/> names (any version's id), tracked; null when not this meeting's.</summary>
    private static async Task<MeetingPaper?> CurrentOfAsync(AppDbContext db, Meeting meeting, Guid paperId, CancellationToken ct)
    {
        var series = await db.MeetingPapers.Where(p => p.Id == paperId && p.MeetingId == meeting.Id).Select(p => (Guid?)p.SeriesId).SingleOrDefaultAsync(ct);
        return series is null ? null : await db.MeetingPapers.SingleOrDefaultAsync(p => p.SeriesId == series && p.MeetingId == meeting.Id && p.SupersededAt == null, ct);
    }

    /// <summary>Applies a change to every version of a paper (the current one first, which refuses a removed paper).</summary>
    private Task<CommandResult<MeetingDto>> ChangeSeriesAsync(CurrentUser user, Guid meetingId, Guid paperId, Guid version, string action, Func<Meeting, MeetingPaper, CommandResult> change, CancellationToken ct) =>
        meetings.ChangeAsync(user, meetingId, version, action, async (db, meeting) =>
        {
            if (await CurrentOfAsync(db, meeting, paperId, ct) is not { } current)
            {
                return Failure.NotFound("The paper");
            }

            foreach (var paper in (await db.MeetingPapers.Where(p => p.SeriesId == current.SeriesId && p.MeetingId == meeting.Id).ToListAsync(ct)).OrderBy(p => p.IsCurrent ? 0 : 1))
            {
                var changed = change(meeting, paper);
                if (!changed.Succeeded)
                {
                    return changed;
                }
            }

            return CommandResult.Success();
        }, ct);

    /// <summary>
    /// Reads on into <paramref name="buffer"/> until the end or until it holds <paramref name="limit"/> bytes, whichever
    /// comes first: a caller that lies about the size still cannot make us hold more.
    /// </summary>
    private static async Task ReadAtMostAsync(Stream content, MemoryStream buffer, long limit, CancellationToken ct)
    {
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
            var read = await content.ReadAsync(chunk.AsMemory(0, wanted), ct);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }
    }
}

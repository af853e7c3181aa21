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
public sealed class MeetingPaperService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<MeetingPaperService> logger)
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
        if (!declared.Succeeded)
        {
            return declared.Failure!;
        }

        await ReadAtMostAsync(content, buffer, MeetingPaper.MaxSizeBytes + 1, ct);
        var bytes = buffer.ToArray();
        var checkedPaper = bytes.Length == upload.Size
            ? declared
            : MeetingPaper.Upload(meeting, itemId, upload.Title, upload.FileName, bytes.Length, bytes, upload.IsPublic, now);
        if (!checkedPaper.Succeeded)
        {
            return checkedPaper.Failure!;
        }

        var paper = checkedPaper.Value!;
        db.MeetingPapers.Add(paper);
        db.PaperContents.Add(new PaperContent(paper.Id, bytes));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Meeting {MeetingId}: {UserId} uploaded paper {PaperId} for item {ItemId} ({SizeBytes} bytes, public {IsPublic})", meetingId, user.UserId, paper.Id, itemId, paper.SizeBytes, paper.IsPublic);
        return CommandResult<PaperDto>.Success(ToDto(paper));
    }

    /// <summary>The paper's file; null when there is no such paper of this meeting in the user's organisation.</summary>
    public async Task<PaperFile?> DownloadAsync(CurrentUser user, Guid meetingId, Guid paperId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateForReadingAsync(ct);
        var paper = await db.MeetingPapers.AsNoTracking()
            .Where(p => p.Id == paperId && p.MeetingId == meetingId && p.OrganisationId == user.OrganisationId)
            .Join(db.PaperContents, p => p.Id, c => c.PaperId, (p, c) => new PaperFile(p.FileName, p.ContentType, c.Bytes))
            .SingleOrDefaultAsync(ct);
        if (paper is not null)
        {
            logger.LogInformation("Meeting {MeetingId}: {UserId} downloaded paper {PaperId}", meetingId, user.UserId, paperId);
        }

        return paper;
    }

    private static PaperDto ToDto(MeetingPaper p) => new(p.Id, p.ItemId, p.Title, p.FileName, p.ContentType, p.SizeBytes, p.IsPublic, p.UploadedAt);

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

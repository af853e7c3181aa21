using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Features.PublicRegisters;

namespace CoCommissioning.Web.Features.PublicSite;

/// <summary>Register entries matching a search: how many, the first few in a line each, and the register's own search.</summary>
public sealed record PublicRegisterHitsDto(PublicRegister Register, string Name, string Url, int Matches, IReadOnlyList<string> First);

/// <summary>What the public search found (ADR-0024): only what the public pages already show.</summary>
public sealed record PublicSearchDto(
    PublicMeetingsOrganisation Organisation,
    string Query,
    IReadOnlyList<PublicCommitteeSummaryDto> Committees,
    IReadOnlyList<PublicMeetingSummaryDto> Meetings,
    IReadOnlyList<PublicItemHitDto> Items,
    IReadOnlyList<PublicDecisionDto> Decisions,
    IReadOnlyList<PublicRegisterHitsDto> Registers)
{
    public int Total => Committees.Count + Meetings.Count + Items.Count + Decisions.Count + Registers.Sum(r => r.Matches);
}

/// <summary>
/// A simple search across an organisation's public records: committees (name, purpose), meetings (title, committee),
/// agenda items (title), decisions (resolution, item) and register entries (each register's own search). It asks only
/// the public services (<see cref="PublicMeetingsService"/>, <see cref="PublicRegisterService"/>), so it can find
/// nothing the public pages do not already show.
/// </summary>
public sealed class PublicSearchService(PublicMeetingsService meetings, PublicRegisterService registers)
{
    public const int Limit = 20;
    private const int RegisterPreview = 3;

    /// <summary>Null for an unknown organisation; with a blank query, nothing found.</summary>
    public async Task<PublicSearchDto?> SearchAsync(string slug, string? query, CancellationToken ct = default)
    {
        var filter = new PublicRegisterFilter(query);
        var q = filter.CleanQuery;
        if (await meetings.CommitteesAsync(slug, ct) is not { } committees)
        {
            return null;
        }

        if (q is null)
        {
            return new PublicSearchDto(committees.Organisation, "", [], [], [], [], []);
        }

        bool Has(string? text) => text is not null && text.Contains(q, StringComparison.OrdinalIgnoreCase);
        var calendar = (await meetings.MeetingsAsync(slug, ct))?.Meetings ?? [];
        var decisions = (await meetings.DecisionsAsync(slug, ct))?.Decisions ?? [];
        var items = await meetings.SearchItemsAsync(slug, q, Limit, ct) ?? [];

        var interests = await registers.InterestsPageAsync(slug, filter, 1, ct);
        var gifts = await registers.GiftsPageAsync(slug, filter, 1, ct);
        var procurement = await registers.ProcurementPageAsync(slug, filter, 1, ct);
        var breaches = await registers.BreachesPageAsync(slug, filter, 1, ct);
        string Url(string path) => $"/public/{slug}/registers/{path}?q={Uri.EscapeDataString(q)}";
        PublicRegisterHitsDto Hits<TRow>(PublicRegister register, string name, string path, PublicRegisterPage<TRow>? page, Func<TRow, string> line) =>
            new(register, name, Url(path), page?.TotalRows ?? 0, [.. (page?.Rows ?? []).Take(RegisterPreview).Select(line)]);

        return new PublicSearchDto(
            committees.Organisation,
            q,
            [.. committees.Committees.Where(c => Has(c.Name) || Has(c.Purpose)).Take(Limit)],
            [.. calendar.Where(m => Has(m.Title) || Has(m.CommitteeName)).Reverse().Take(Limit)],
            items,
            [.. decisions.Where(d => Has(d.Resolution) || Has(d.ItemTitle)).Take(Limit)],
            [
                Hits(PublicRegister.Interests, "Register of interests", "interests", interests, r => $"{r.Person}: {r.Nature}{(r.Organisation is null ? "" : $" ({r.Organisation})")}"),
                Hits(PublicRegister.Gifts, "Gifts and hospitality", "gifts", gifts, r => $"{r.Person}: {r.Description}, from {r.Offeror}"),
                Hits(PublicRegister.Procurement, "Procurement decisions", "procurement", procurement, r => $"{r.Title}: {r.Service}"),
                Hits(PublicRegister.Breaches, "Breaches", "breaches", breaches, r => r.PublicSummary),
            ]);
    }
}

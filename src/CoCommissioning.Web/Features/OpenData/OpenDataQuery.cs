using System.Globalization;

namespace CoCommissioning.Web.Features.OpenData;

/// <summary>
/// The query string every dataset takes: <c>page</c> (from 1), <c>page_size</c> (1 to 500, default 100) and
/// <c>updated_since</c> (an ISO 8601 date or date-time with offset: only records changed at or after it). Checked
/// once, for JSON and CSV alike; a bad value is a 400 with the field named.
/// </summary>
public sealed record OpenDataQuery(string? Page, string? PageSize, string? UpdatedSince)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public (OpenDataPaging? Paging, Dictionary<string, string[]> Errors) Check()
    {
        var errors = new Dictionary<string, string[]>();
        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && (!int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 1_000_000))
        {
            errors["page"] = ["Give a page number from 1."];
        }

        var size = DefaultPageSize;
        if (!string.IsNullOrWhiteSpace(PageSize) && (!int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors["page_size"] = [$"Give a page size from 1 to {MaxPageSize}."];
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(UpdatedSince))
        {
            since = ParseSince(UpdatedSince.Trim());
            if (since is null)
            {
                errors["updated_since"] = ["Give an ISO 8601 date (2026-04-01) or date-time with its offset (2026-04-01T09:00:00Z)."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new OpenDataPaging(page, size, since), errors);
    }

    /// <summary>A date is midnight UTC at its start; a date-time needs its offset (or Z) so it is one instant everywhere.</summary>
    private static DateTimeOffset? ParseSince(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1950 and <= 2200)
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];
        return text.Length > 10 && (text.EndsWith('Z') || text[^6] is '+' or '-')
            && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && instant.Year is >= 1950 and <= 2200
                ? instant.ToUniversalTime()
                : null;
    }
}

/// <summary>A checked page request; <see cref="Id"/> narrows a dataset to one record (its id URI).</summary>
public sealed record OpenDataPaging(int Page, int PageSize, DateTimeOffset? UpdatedSince, Guid? Id = null)
{
    public int Skip => (Page - 1) * PageSize;

    /// <summary>One page of <paramref name="all"/> (already filtered and ordered) and the total.</summary>
    public (List<T> Rows, int Total) Apply<T>(IReadOnlyCollection<T> all) => ([.. all.Skip(Skip).Take(PageSize)], all.Count);
}

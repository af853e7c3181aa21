using System.Globalization;
using CsvHelper;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>One CSV column: its header and how a row's value is written (ISO dates, pounds with two decimals, enums in the
/// words the staff pages use).</summary>
public sealed record CsvColumn<TRow>(string Name, Func<TRow, string?> Value);

/// <summary>
/// The documented column sets (docs/api.md) and a writer that streams rows to the response as they are read,
/// through CsvHelper's fixed 64 KiB buffer, so memory stays flat however many rows there are (and Kestrel never
/// sees a synchronous write).
/// </summary>
public static class PublicRegisterCsv
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<CsvColumn<PublicInterestRow>> Interests { get; } =
    [
        new("person", r => r.Person),
        new("positions", r => r.Positions),
        new("category", r => r.Category),
        new("direct_or_indirect", r => r.IsDirect ? "Direct" : "Indirect"),
        new("relationship", r => r.Relationship),
        new("organisation", r => r.Organisation),
        new("nature", r => r.Nature),
        new("from", r => Iso(r.From)),
        new("to", r => Iso(r.To)),
        new("proposed_mitigation", r => r.ProposedMitigation),
        new("agreed_mitigation", r => r.AgreedMitigation),
        new("declared_on", r => Iso(r.DeclaredOn)),
        new("reviewed_on", r => Iso(r.ReviewedOn)),
        new("reviewed_by", r => r.ReviewedBy),
    ];

    public static IReadOnlyList<CsvColumn<PublicGiftRow>> Gifts { get; } =
    [
        new("person", r => r.Person),
        new("position", r => r.Position),
        new("kind", r => r.Kind),
        new("description", r => r.Description),
        new("offeror", r => r.Offeror),
        new("offeror_business", r => r.OfferorBusiness),
        new("estimated_value_gbp", r => Pounds(r.EstimatedValue)),
        new("offered_on", r => Iso(r.OfferedOn)),
        new("received_on", r => Iso(r.ReceivedOn)),
        new("outcome", r => r.Outcome),
        new("reason", r => r.Reason),
        new("declared_on", r => Iso(r.DeclaredOn)),
        new("reviewed_on", r => Iso(r.ReviewedOn)),
    ];

    public static IReadOnlyList<CsvColumn<PublicProcurementRow>> Procurement { get; } =
    [
        new("title", r => r.Title),
        new("service", r => r.Service),
        new("route", r => r.Route),
        new("decided_on", r => Iso(r.DecidedOn)),
        new("committee", r => r.Committee),
        new("supplier", r => r.Supplier),
        new("contract_value_gbp", r => Pounds(r.ContractValue)),
        new("contract_starts_on", r => Iso(r.ContractStartsOn)),
        new("contract_ends_on", r => Iso(r.ContractEndsOn)),
        new("conflicts_noted", r => r.ConflictsNoted),
        new("conflicts_management", r => r.ConflictsManagement),
        new("conflicts_declared_at_meeting", r => r.ConflictsDeclaredAtMeeting ? "yes" : "no"),
        new("cpv_code", r => r.CpvCode),
        new("provider_address", r => r.ProviderAddress),
        new("standstill_ends_on", r => Iso(r.StandstillEndsOn)),
        new("awarded_on", r => Iso(r.AwardedOn)),
        new("notice_reference", r => r.NoticeReference),
        new("id", r => r.Id.ToString()),
    ];

    public static IReadOnlyList<CsvColumn<PublicBreachRow>> Breaches { get; } =
    [
        new("identified_on", r => Iso(r.IdentifiedOn)),
        new("public_summary", r => r.PublicSummary),
        new("action_taken", r => r.ActionTaken),
    ];

    public static async Task WriteAsync<TRow>(Stream body, IAsyncEnumerable<TRow> rows, IReadOnlyList<CsvColumn<TRow>> columns, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Value(row));
            }

            // Writes the writer's fixed buffer out (asynchronously) whenever it is mostly full, so memory stays flat.
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// Spreadsheets run cells that start with = + - @ (or a tab or carriage return) as formulas, so such cells get
    /// a leading single quote.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", Invariant);

    private static string? Pounds(decimal? amount) => amount?.ToString("0.00", Invariant);

    /// <summary>The file name a download is saved as, such as <c>example-ccg-interests-2026-11-26.csv</c>.</summary>
    public static string FileName(string slug, PublicRegister register, DateOnly today, string extension) =>
        $"{slug}-{register.ToString().ToLowerInvariant()}-{Iso(today)}.{extension}";
}

using System.Globalization;
using CoCommissioning.Domain.Interests;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// The search a visitor typed, as query-string text, checked once for the page, the downloads and the API alike.
/// Dates are ISO (the value an HTML date input sends); categories are enum names.
/// </summary>
public sealed record PublicRegisterQuery(string? Q, string? Category, string? From, string? To)
{
    public static IReadOnlyList<string> CategoriesOf(PublicRegister register) => register switch
    {
        PublicRegister.Interests => Enum.GetNames<InterestCategory>(),
        PublicRegister.Gifts => Enum.GetNames<OfferKind>(),
        PublicRegister.Procurement => Enum.GetNames<ProcurementRoute>(),
        _ => [],
    };

    /// <summary>The filter, or field messages keyed by the query parameter names.</summary>
    public (PublicRegisterFilter? Filter, Dictionary<string, string[]> Errors) Check(PublicRegister register)
    {
        var errors = new Dictionary<string, string[]>();
        var from = ParseDate(From, "from", errors);
        var to = ParseDate(To, "to", errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors["to"] = ["The end of the date range cannot be before its start."];
        }

        var category = string.IsNullOrWhiteSpace(Category) ? null : Category.Trim();
        if (category is not null && !CategoriesOf(register).Contains(category, StringComparer.OrdinalIgnoreCase))
        {
            errors["category"] = [$"Choose one of: {string.Join(", ", CategoriesOf(register))}."];
        }

        return errors.Count > 0 ? (null, errors) : (new PublicRegisterFilter(Q, category, from, to), errors);
    }

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1950 and <= 2200)
        {
            return date;
        }

        errors[field] = ["Enter a real date, like 2026-04-01."];
        return null;
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// What the four register pages share: the query string (a plain GET form fills it), the checked filter, the
/// page of rows and the links that keep the search (pages and downloads). Rendered statically on the server.
/// </summary>
public abstract class PublicRegisterPageBase<TRow> : ComponentBase
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    [Inject]
    protected PublicRegisterService Registers { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string Slug { get; set; } = "";

    [SupplyParameterFromQuery(Name = "q")]
    public string? Q { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? Category { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    protected abstract PublicRegister Register { get; }

    protected PublicRegisterPage<TRow>? Result { get; private set; }

    protected IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    protected PublicRegisterSearch Search => new(Register, Q, Category, From, To, Errors);

    protected override async Task OnParametersSetAsync()
    {
        var (filter, errors) = new PublicRegisterQuery(Q, Category, From, To).Check(Register);
        Errors = errors;

        // With a field message, the page lists the register unfiltered beneath it rather than nothing.
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
        Result = await LoadAsync(filter ?? new PublicRegisterFilter(), page);
        if (Result is null)
        {
            Navigation.NotFound();
        }
    }

    protected abstract Task<PublicRegisterPage<TRow>?> LoadAsync(PublicRegisterFilter filter, int page);

    protected static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Uk) ?? "";

    protected static string Pounds(decimal? amount) => amount is { } a ? a.ToString("£#,0.00", Uk) : "";
}

/// <summary>The search as the visitor sent it, for the form, the pagination and the download links.</summary>
public sealed record PublicRegisterSearch(PublicRegister Register, string? Q, string? Category, string? From, string? To, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The same search on another page (or a download, with <paramref name="path"/>), as a relative URL.</summary>
    public string Link(string path, int? page = null)
    {
        var parts = new List<string>();
        Add(parts, "q", Q);
        Add(parts, "category", Category);
        Add(parts, "from", From);
        Add(parts, "to", To);
        if (page is > 1)
        {
            parts.Add($"page={page.Value.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
        }
    }
}

using CoCommissioning.Web.Infrastructure;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// The registers as data, for anyone: JSON under /api (in the OpenAPI document), and CSV and JSON downloads beside
/// the pages. Every download streams from the database; none is cached (ADR-0008).
/// </summary>
public static class PublicRegisterEndpoints
{
    public static void MapPublicRegisterEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/organisations/{slug}/registers").WithTags("Public registers").AllowAnonymous();

        group.MapGet("/interests", (string slug, string? q, string? category, string? from, string? to, HttpContext http, PublicRegisterService service, CancellationToken ct) =>
                JsonAsync(PublicRegister.Interests, slug, new(q, category, from, to), http, service, download: false, ct))
            .Produces<PublicInterestRow[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The register of interests of decision-makers (published entries only)");

        group.MapGet("/interests/not-declared", async (string slug, PublicRegisterService service, CancellationToken ct) =>
                await service.NotDeclaredAsync(slug, ct) is { } notDeclared ? Results.Ok(notDeclared) : ApiResults.NotFoundProblem("The organisation"))
            .Produces<DeclarationCycles.NotDeclaredDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Decision-makers who have not declared in the current cycle after its due date: names and roles only");

        group.MapGet("/gifts", (string slug, string? q, string? category, string? from, string? to, HttpContext http, PublicRegisterService service, CancellationToken ct) =>
                JsonAsync(PublicRegister.Gifts, slug, new(q, category, from, to), http, service, download: false, ct))
            .Produces<PublicGiftRow[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The gifts and hospitality register (published entries only)");

        group.MapGet("/procurement", (string slug, string? q, string? category, string? from, string? to, HttpContext http, PublicRegisterService service, CancellationToken ct) =>
                JsonAsync(PublicRegister.Procurement, slug, new(q, category, from, to), http, service, download: false, ct))
            .Produces<PublicProcurementRow[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The procurement decisions register");

        group.MapGet("/breaches", (string slug, string? q, string? from, string? to, HttpContext http, PublicRegisterService service, CancellationToken ct) =>
                JsonAsync(PublicRegister.Breaches, slug, new(q, null, from, to), http, service, download: false, ct))
            .Produces<PublicBreachRow[]>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Breaches of the conflicts of interest policy, anonymised");
    }

    /// <summary>The download links of the register pages: /public/{slug}/registers/{register}.csv and .json.</summary>
    public static void MapPublicRegisterDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/public/{slug}/registers").AllowAnonymous().ExcludeFromDescription();

        downloads.MapGet("/{register}.csv", async (string slug, string register, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
            TryRegister(register) is { } which
                ? await CsvAsync(which, slug, new(q, category, from, to), service, ct)
                : NotFound());

        downloads.MapGet("/{register}.json", async (string slug, string register, string? q, string? category, string? from, string? to, HttpContext http, PublicRegisterService service, CancellationToken ct) =>
            TryRegister(register) is { } which
                ? await JsonAsync(which, slug, new(q, category, from, to), http, service, download: true, ct)
                : NotFound());
    }

    // Names only: Enum.TryParse would also accept "0.csv".
    private static PublicRegister? TryRegister(string name) =>
        Enum.TryParse<PublicRegister>(name, ignoreCase: true, out var register) && Enum.IsDefined(register) && !char.IsDigit(name[0]) ? register : null;

    private static IResult NotFound() => Results.Problem("No organisation publishes a register at that address.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> JsonAsync(PublicRegister register, string slug, PublicRegisterQuery query, HttpContext http, PublicRegisterService service, bool download, CancellationToken ct)
    {
        var (filter, errors) = query.Check(register);
        if (filter is null)
        {
            return Results.ValidationProblem(errors);
        }

        if (await service.OrganisationAsync(slug, ct) is not { } organisation)
        {
            return NotFound();
        }

        if (download)
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{PublicRegisterCsv.FileName(organisation.Slug, register, service.Today, "json")}\"";
        }

        // An IAsyncEnumerable is written by System.Text.Json as the rows arrive, never gathered into a list.
        return register switch
        {
            PublicRegister.Interests => Results.Ok(service.StreamInterests(organisation, filter, ct)),
            PublicRegister.Gifts => Results.Ok(service.StreamGifts(organisation, filter, ct)),
            PublicRegister.Procurement => Results.Ok(service.StreamProcurement(organisation, filter, ct)),
            _ => Results.Ok(service.StreamBreaches(organisation, filter, ct)),
        };
    }

    private static async Task<IResult> CsvAsync(PublicRegister register, string slug, PublicRegisterQuery query, PublicRegisterService service, CancellationToken ct)
    {
        var (filter, errors) = query.Check(register);
        if (filter is null)
        {
            return Results.ValidationProblem(errors);
        }

        if (await service.OrganisationAsync(slug, ct) is not { } organisation)
        {
            return NotFound();
        }

        var fileName = PublicRegisterCsv.FileName(organisation.Slug, register, service.Today, "csv");
        return register switch
        {
            PublicRegister.Interests => new CsvDownload<PublicInterestRow>(service.StreamInterests(organisation, filter, ct), PublicRegisterCsv.Interests, fileName),
            PublicRegister.Gifts => new CsvDownload<PublicGiftRow>(service.StreamGifts(organisation, filter, ct), PublicRegisterCsv.Gifts, fileName),
            PublicRegister.Procurement => new CsvDownload<PublicProcurementRow>(service.StreamProcurement(organisation, filter, ct), PublicRegisterCsv.Procurement, fileName),
            _ => new CsvDownload<PublicBreachRow>(service.StreamBreaches(organisation, filter, ct), PublicRegisterCsv.Breaches, fileName),
        };
    }

    /// <summary>Writes the rows to the response body as they are read from the database.</summary>
    private sealed class CsvDownload<TRow>(IAsyncEnumerable<TRow> rows, IReadOnlyList<CsvColumn<TRow>> columns, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await PublicRegisterCsv.WriteAsync(response.Body, rows, columns, httpContext.RequestAborted);
        }
    }
}

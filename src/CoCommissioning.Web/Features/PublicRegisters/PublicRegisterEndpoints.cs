using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// The registers as data, for anyone: JSON under /api (in the OpenAPI document). Every response streams from the
/// database; none is cached (ADR-0008).
/// </summary>
public sealed class PublicRegisterEndpoints : IApiEndpoints
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/public/organisations/{slug}/registers").WithTags("Public registers").AllowAnonymous();

        group.MapGet("/interests", InterestsAsync)
            .WithSummary("The register of interests of decision-makers (published entries only)");

        group.MapGet("/interests/not-declared", NotDeclaredAsync)
            .WithSummary("Decision-makers who have not declared in the current cycle after its due date: names and roles only");

        group.MapGet("/gifts", GiftsAsync)
            .WithSummary("The gifts and hospitality register (published entries only)");

        group.MapGet("/procurement", ProcurementAsync)
            .WithSummary("The procurement decisions register");

        group.MapGet("/breaches", BreachesAsync)
            .WithSummary("Breaches of the conflicts of interest policy, anonymised");
    }

    private static Task<Results<Ok<IAsyncEnumerable<PublicInterestRow>>, ValidationProblem, NotFoundProblem>> InterestsAsync(
        string slug, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        RowsAsync(PublicRegister.Interests, slug, new(q, category, from, to), service, (s, o, f, c) => s.StreamInterests(o, f, c), ct);

    private static async Task<Results<Ok<DeclarationCycles.NotDeclaredDto>, NotFoundProblem>> NotDeclaredAsync(string slug, PublicRegisterService service, CancellationToken ct) =>
        await service.NotDeclaredAsync(slug, ct) is { } notDeclared ? TypedResults.Ok(notDeclared) : ApiResults.NotFound("The organisation");

    private static Task<Results<Ok<IAsyncEnumerable<PublicGiftRow>>, ValidationProblem, NotFoundProblem>> GiftsAsync(
        string slug, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        RowsAsync(PublicRegister.Gifts, slug, new(q, category, from, to), service, (s, o, f, c) => s.StreamGifts(o, f, c), ct);

    private static Task<Results<Ok<IAsyncEnumerable<PublicProcurementRow>>, ValidationProblem, NotFoundProblem>> ProcurementAsync(
        string slug, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        RowsAsync(PublicRegister.Procurement, slug, new(q, category, from, to), service, (s, o, f, c) => s.StreamProcurement(o, f, c), ct);

    private static Task<Results<Ok<IAsyncEnumerable<PublicBreachRow>>, ValidationProblem, NotFoundProblem>> BreachesAsync(
        string slug, string? q, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        RowsAsync(PublicRegister.Breaches, slug, new(q, null, from, to), service, (s, o, f, c) => s.StreamBreaches(o, f, c), ct);

    // An IAsyncEnumerable is written by System.Text.Json as the rows arrive, never gathered into a list.
    private static async Task<Results<Ok<IAsyncEnumerable<TRow>>, ValidationProblem, NotFoundProblem>> RowsAsync<TRow>(
        PublicRegister register, string slug, PublicRegisterQuery query, PublicRegisterService service,
        Func<PublicRegisterService, PublicOrganisationSummary, PublicRegisterFilter, CancellationToken, IAsyncEnumerable<TRow>> stream, CancellationToken ct)
    {
        var (filter, errors) = query.Check(register);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await service.OrganisationAsync(slug, ct) is { } organisation
            ? TypedResults.Ok(stream(service, organisation, filter, ct))
            : PublicRegisterDownloads.NotFound();
    }
}

/// <summary>
/// The download links of the register pages, for anyone: /public/{slug}/registers/{register}.csv and .json. Every
/// download streams from the database; none is cached (ADR-0008).
/// </summary>
public sealed class PublicRegisterDownloads : ISiteEndpoints
{
    public void Map(IEndpointRouteBuilder site)
    {
        var downloads = site.MapGroup("/public/{slug}/registers").AllowAnonymous().ExcludeFromDescription();

        downloads.MapGet("/{register}.csv", CsvAsync);

        downloads.MapGet("/{register}.json", JsonAsync);
    }

    internal static NotFoundProblem NotFound() => new("No organisation publishes a register at that address.");

    private static Task<Results<RegisterDownload, ValidationProblem, NotFoundProblem>> CsvAsync(
        string slug, string register, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        DownloadAsync(slug, register, new(q, category, from, to), "csv", service, ct);

    private static Task<Results<RegisterDownload, ValidationProblem, NotFoundProblem>> JsonAsync(
        string slug, string register, string? q, string? category, string? from, string? to, PublicRegisterService service, CancellationToken ct) =>
        DownloadAsync(slug, register, new(q, category, from, to), "json", service, ct);

    private static async Task<Results<RegisterDownload, ValidationProblem, NotFoundProblem>> DownloadAsync(
        string slug, string register, PublicRegisterQuery query, string extension, PublicRegisterService service, CancellationToken ct)
    {
        if (TryRegister(register) is not { } which)
        {
            return NotFound();
        }

        var (filter, errors) = query.Check(which);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await service.OrganisationAsync(slug, ct) is not { } organisation)
        {
            return NotFound();
        }

        var fileName = PublicRegisterCsv.FileName(organisation.Slug, which, service.Today, extension);
        var csv = extension == "csv";
        return which switch
        {
            PublicRegister.Interests => new RegisterDownload<PublicInterestRow>(service.StreamInterests(organisation, filter, ct), PublicRegisterCsv.Interests, fileName, csv),
            PublicRegister.Gifts => new RegisterDownload<PublicGiftRow>(service.StreamGifts(organisation, filter, ct), PublicRegisterCsv.Gifts, fileName, csv),
            PublicRegister.Procurement => new RegisterDownload<PublicProcurementRow>(service.StreamProcurement(organisation, filter, ct), PublicRegisterCsv.Procurement, fileName, csv),
            _ => new RegisterDownload<PublicBreachRow>(service.StreamBreaches(organisation, filter, ct), PublicRegisterCsv.Breaches, fileName, csv),
        };
    }

    // Names only: Enum.TryParse would also accept "0.csv".
    private static PublicRegister? TryRegister(string name) =>
        Enum.TryParse<PublicRegister>(name, ignoreCase: true, out var register) && Enum.IsDefined(register) && !char.IsDigit(name[0]) ? register : null;

    /// <summary>A register as an attachment, CSV or JSON, written to the response body as the rows are read from the database.</summary>
    private abstract class RegisterDownload : IResult
    {
        public abstract Task ExecuteAsync(HttpContext httpContext);
    }

    private sealed class RegisterDownload<TRow>(IAsyncEnumerable<TRow> rows, IReadOnlyList<CsvColumn<TRow>> columns, string fileName, bool csv) : RegisterDownload
    {
        public override async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            if (!csv)
            {
                // System.Text.Json writes the IAsyncEnumerable as the rows arrive, never gathered into a list.
                await TypedResults.Ok(rows).ExecuteAsync(httpContext);
                return;
            }

            response.ContentType = "text/csv; charset=utf-8";
            await PublicRegisterCsv.WriteAsync(response.Body, rows, columns, httpContext.RequestAborted);
        }
    }
}

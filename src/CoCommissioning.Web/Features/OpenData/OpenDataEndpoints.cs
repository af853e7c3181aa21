using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CoCommissioning.Web.Features.OpenData;

/// <summary>
/// The open data (ADR-0026), for anyone: GET /public/{slug}/data/{dataset} (JSON, one page), /{dataset}/{id} (one
/// record), /{register}.csv (the registers, same paging), and the JSON Schemas at /public/data/schemas/{name}.json.
/// </summary>
public sealed class OpenDataEndpoints : ISiteEndpoints
{
    /// <summary>Popolo, Open Civic Data and the registers write snake_case.</summary>
    public static readonly JsonSerializerOptions Snake = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>OCDS writes camelCase.</summary>
    public static readonly JsonSerializerOptions Camel = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private delegate Task<OpenDataRows<T>> Read<T>(OpenDataService service, OpenDataSite site, OpenDataPaging paging, CancellationToken ct);

    private delegate JsonHttpResult<TDocument> Shape<T, TDocument>(OpenDataset dataset, OpenDataSite site, OpenDataPaging paging, OpenDataRows<T> rows, string? next, DateTimeOffset now);

    public void Map(IEndpointRouteBuilder site)
    {
        var open = site.MapGroup("").AllowAnonymous().WithTags("Open data");
        var group = open.MapGroup("/public/{slug}/data");

        MapPopolo<PopoloOrganization>(group, "organizations", (s, site, p, ct) => s.OrganizationsAsync(site, p, ct));
        MapPopolo<PopoloPerson>(group, "persons", (s, site, p, ct) => s.PersonsAsync(site, p, ct));
        MapPopolo<PopoloPost>(group, "posts", (s, site, p, ct) => s.PostsAsync(site, p, ct));
        MapPopolo<PopoloMembership>(group, "memberships", (s, site, p, ct) => s.MembershipsAsync(site, p, ct));
        MapPopolo<OcdEvent>(group, "events", (s, site, p, ct) => s.EventsAsync(site, p, ct));
        MapPopolo<PopoloMotion>(group, "motions", (s, site, p, ct) => s.MotionsAsync(site, p, ct));
        MapPopolo<PopoloVoteEvent>(group, "vote_events", (s, site, p, ct) => s.VoteEventsAsync(site, p, ct));
        Map<OcdsRelease, OcdsReleasePackage>(group, "releases", (s, site, p, ct) => s.ReleasesAsync(site, p, ct), Ocds);
        MapRegister(group, "interests", (s, site, p, ct) => s.InterestsAsync(site, p, ct), PublicRegisterCsv.Interests);
        MapRegister(group, "gifts", (s, site, p, ct) => s.GiftsAsync(site, p, ct), PublicRegisterCsv.Gifts);
        MapRegister(group, "procurement", (s, site, p, ct) => s.ProcurementAsync(site, p, ct), PublicRegisterCsv.Procurement);
        MapRegister(group, "breaches", (s, site, p, ct) => s.BreachesAsync(site, p, ct), PublicRegisterCsv.Breaches);

        open.MapGet("/public/data/schemas/{name}.json", Schema)
            .WithSummary("The JSON Schema (draft 2020-12) of an open dataset")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        open.MapGet("/public/data/extensions/conflicts/{file}.json", ConflictsExtension)
            .WithSummary("The CoCommissioning OCDS conflicts extension: extension.json and release-schema.json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    private static Results<FileStreamHttpResult, NotFoundProblem> Schema(string name) => Resource($"Schemas.{name}.json", "application/schema+json");

    private static Results<FileStreamHttpResult, NotFoundProblem> ConflictsExtension(string file) => Resource($"Extensions.conflicts.{file}.json", "application/json");

    /// <summary>A Popolo or Open Civic Data page in the common envelope.</summary>
    private static JsonHttpResult<OpenDataDocument<T>> Popolo<T>(OpenDataset dataset, OpenDataSite site, OpenDataPaging paging, OpenDataRows<T> rows, string? next, DateTimeOffset now) =>
        TypedResults.Json(new OpenDataDocument<T>(dataset.Name, dataset.Standard, site.Page(dataset.SchemaUrl), OpenDataCatalogue.Licence, site.Name, now,
            paging.UpdatedSince, paging.Page, paging.PageSize, rows.Total, next, rows.Rows), Snake);

    /// <summary>The OCDS releases as a release package, its paging in <c>links.next</c> beside page, pageSize and total.</summary>
    private static JsonHttpResult<OcdsReleasePackage> Ocds(OpenDataset dataset, OpenDataSite site, OpenDataPaging paging, OpenDataRows<OcdsRelease> rows, string? next, DateTimeOffset now) =>
        TypedResults.Json(new OcdsReleasePackage(
            site.Page(dataset.JsonUrl(site.Slug)), "1.1", now, new OcdsPublisher(site.Name, site.Page($"/public/{site.Slug}")),
            OpenDataCatalogue.LicenceUrl, site.Page($"/public/{site.Slug}/data"), [site.Page(OcdsReleaseBuilder.ExtensionUrl)],
            rows.Rows, new OcdsLinks(next), paging.Page, paging.PageSize, rows.Total, paging.UpdatedSince), Camel);

    private static void MapPopolo<T>(RouteGroupBuilder group, string name, Read<T> read) => Map<T, OpenDataDocument<T>>(group, name, read, Popolo);

    private static void Map<T, TDocument>(RouteGroupBuilder group, string name, Read<T> read, Shape<T, TDocument> shape)
    {
        // One pair of handlers per dataset: the dataset, how it is read and how a page is shaped are their state.
        var handlers = new Dataset<T, TDocument>(OpenDataCatalogue.Get(name), read, shape);
        Describe(group.MapGet($"/{name}", handlers.PageAsync), handlers.Definition, "one page");
        Describe(group.MapGet($"/{name}/{{id:guid}}", handlers.RecordAsync), handlers.Definition, "one record by its id (404 when it is not published)");
    }

    private static void MapRegister<TRow>(RouteGroupBuilder group, string name, Read<(Guid Id, TRow Row)> read, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        Map<(Guid Id, TRow Row), OpenDataDocument<JsonObject>>(group, name, read, (dataset, site, paging, rows, next, now) =>
            Popolo(dataset, site, paging, new OpenDataRows<JsonObject>([.. rows.Rows.Select(r => WithId(site.Uri(dataset.Name, r.Id), r.Row))], rows.Total), next, now));

        var csv = new RegisterCsv<TRow>(OpenDataCatalogue.Get(name), read, columns);
        group.MapGet($"/{name}.csv", csv.PageAsync)
            .WithSummary($"{csv.Definition.Title} as CSV (the register's columns with an id first; same paging and updated_since as the JSON)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }

    private static RouteHandlerBuilder Describe(RouteHandlerBuilder endpoint, OpenDataset dataset, string what) => endpoint
        .WithSummary($"{dataset.Title} ({dataset.Standard}), {what}")
        .WithDescription($"{dataset.Holds} JSON Schema: {dataset.SchemaUrl}. Query: page (from 1), page_size (1 to {OpenDataQuery.MaxPageSize}, default {OpenDataQuery.DefaultPageSize}), updated_since (ISO 8601). Licence: {OpenDataCatalogue.Licence}.")
        .Produces(StatusCodes.Status200OK, contentType: "application/json");

    /// <summary>A dataset's JSON handlers: one page, and one record by its id.</summary>
    private sealed class Dataset<T, TDocument>(OpenDataset dataset, Read<T> read, Shape<T, TDocument> shape)
    {
        public OpenDataset Definition => dataset;

        public Task<Results<JsonHttpResult<TDocument>, ValidationProblem, NotFoundProblem>> PageAsync(
            string slug, [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "updated_since")] string? updatedSince,
            HttpContext http, OpenDataService service, CancellationToken ct) =>
            JsonAsync(slug, new OpenDataQuery(page, pageSize, updatedSince), null, http, service, ct);

        public Task<Results<JsonHttpResult<TDocument>, ValidationProblem, NotFoundProblem>> RecordAsync(
            string slug, Guid id, HttpContext http, OpenDataService service, CancellationToken ct) =>
            JsonAsync(slug, new OpenDataQuery(null, null, null), id, http, service, ct);

        private async Task<Results<JsonHttpResult<TDocument>, ValidationProblem, NotFoundProblem>> JsonAsync(
            string slug, OpenDataQuery query, Guid? id, HttpContext http, OpenDataService service, CancellationToken ct)
        {
            var (paging, errors) = query.Check();
            if (paging is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (await service.SiteAsync(BaseUrl(http), slug, ct) is not { } site)
            {
                return NotFound();
            }

            paging = paging with { Id = id };
            var rows = await read(service, site, paging, ct);
            if (id is not null && rows.Total == 0)
            {
                return new NotFoundProblem("No record with that id is published in this dataset.");
            }

            return shape(dataset, site, paging, rows, Next(dataset, site, paging, rows.Total, query.UpdatedSince, csv: false), service.Now);
        }
    }

    /// <summary>A register's CSV handler: one page, the same paging as the JSON.</summary>
    private sealed class RegisterCsv<TRow>(OpenDataset dataset, Read<(Guid Id, TRow Row)> read, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        public OpenDataset Definition => dataset;

        public async Task<Results<CsvPage<(Guid Id, TRow Row)>, ValidationProblem, NotFoundProblem>> PageAsync(
            string slug, [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize, [FromQuery(Name = "updated_since")] string? updatedSince,
            HttpContext http, OpenDataService service, CancellationToken ct)
        {
            var (paging, errors) = new OpenDataQuery(page, pageSize, updatedSince).Check();
            if (paging is null)
            {
                return TypedResults.ValidationProblem(errors);
            }

            if (await service.SiteAsync(BaseUrl(http), slug, ct) is not { } site)
            {
                return NotFound();
            }

            var rows = await read(service, site, paging, ct);
            if (Next(dataset, site, paging, rows.Total, updatedSince, csv: true) is { } next)
            {
                http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
            }

            http.Response.Headers["X-Total-Count"] = rows.Total.ToString(CultureInfo.InvariantCulture);
            IReadOnlyList<CsvColumn<(Guid Id, TRow Row)>> withId =
                [new("id", r => site.Uri(dataset.Name, r.Id)), .. columns.Select(c => new CsvColumn<(Guid Id, TRow Row)>(c.Name, r => c.Value(r.Row)))];
            return new CsvPage<(Guid Id, TRow Row)>(rows.Rows, withId, $"{site.Slug}-{dataset.Name}-page-{paging.Page}.csv");
        }
    }

    private static string? Next(OpenDataset dataset, OpenDataSite site, OpenDataPaging paging, int total, string? updatedSince, bool csv)
    {
        if (paging.Id is not null || paging.Page * (long)paging.PageSize >= total)
        {
            return null;
        }

        var since = string.IsNullOrWhiteSpace(updatedSince) ? "" : $"&updated_since={Uri.EscapeDataString(updatedSince.Trim())}";
        return site.Page($"{(csv ? dataset.CsvUrl(site.Slug) : dataset.JsonUrl(site.Slug))}?page={paging.Page + 1}&page_size={paging.PageSize}{since}");
    }

    /// <summary>A register row as the register's JSON fields, with its id URI first.</summary>
    private static JsonObject WithId<TRow>(string id, TRow row)
    {
        var fields = JsonSerializer.SerializeToNode(row, Snake)!.AsObject();
        var result = new JsonObject { ["id"] = id };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);

            // A row that carries its own id (procurement, for its page link) gives way to the stable id URI.
            if (name != "id")
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static NotFoundProblem NotFound() => new("No organisation publishes open data at this address.");

    private static Results<FileStreamHttpResult, NotFoundProblem> Resource(string name, string contentType)
    {
        // Names only: letters, digits, dash and underscore, so no path reaches another resource.
        if (name.Split('.').Any(part => part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return new NotFoundProblem("There is no schema with that name.");
        }

        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CoCommissioning.OpenData.{name}");
        return stream is null
            ? new NotFoundProblem("There is no schema with that name.")
            : TypedResults.Stream(stream, contentType);
    }

    /// <summary>Writes one page of register rows as CSV with the register's own writer (formula cells escaped).</summary>
    private sealed class CsvPage<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<CsvColumn<TRow>> columns, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await PublicRegisterCsv.WriteAsync(response.Body, rows.ToAsyncEnumerable(), columns, httpContext.RequestAborted);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CoCommissioning.Web.Tests.Infrastructure;

public static class HttpExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json.Options);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Json.Options);

    /// <summary>GETs and reads the body, failing with the body in the message unless the answer is 200.</summary>
    public static async Task<T> GetJsonAsync<T>(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadJsonAsync<T>(HttpStatusCode.OK);
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "the app answered {0}", Describe(body));
        return JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    /// <summary>Reads a ProblemDetails answer with the expected status.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, "the app answered {0}", Describe(body));
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The messages a ValidationProblem gives for one field (by its JSON name).</summary>
    public static string[] ErrorsFor(this JsonElement problem, string field)
    {
        problem.TryGetProperty("errors", out var errors).Should().BeTrue("a validation problem lists its errors: {0}", problem);
        errors.TryGetProperty(field, out var messages).Should().BeTrue("the errors should name {0}: {1}", field, errors);
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>Where a redirect points, as a path and query on this site.</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>A response body short enough for a failure message: an HTML page by its title.</summary>
    public static string Describe(string body)
    {
        var title = System.Text.RegularExpressions.Regex.Match(body, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (title.Success)
        {
            return $"an HTML page titled \"{title.Groups[1].Value}\"";
        }

        return body.Length <= 1000 ? body : body[..1000] + "...";
    }
}

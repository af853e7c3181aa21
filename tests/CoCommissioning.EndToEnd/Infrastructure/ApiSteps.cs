using System.Text.Json;
using Microsoft.Playwright;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>Sets up what a journey needs through the JSON API with a bearer token, as an integration would.</summary>
public static class ApiSteps
{
    public static async Task<string> TokenAsync(this IAPIRequestContext api, string email, string purpose) =>
        (await api.SendAsync("POST", "/api/auth/token", null, new { email, password = DemoUsers.Password, tokenName = purpose }))
            .GetProperty("token").GetString()!;

    public static async Task<JsonElement> SendAsync(this IAPIRequestContext api, string method, string url, string? token, object? body = null)
    {
        var options = new APIRequestContextOptions { Method = method, DataObject = body, Headers = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" } };
        var response = await api.FetchAsync(url, options);
        var text = await response.TextAsync();
        response.Ok.Should().BeTrue($"{method} {url} answered {response.Status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The demo organisation's PCCC, as the API lists it.</summary>
    public static async Task<JsonElement> DemoPcccAsync(this IAPIRequestContext api, string token)
    {
        var committees = await api.SendAsync("GET", "/api/committees", token);
        var committeeId = committees.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Primary Care Commissioning Committee").GetProperty("id").GetString();
        return await api.SendAsync("GET", $"/api/committees/{committeeId}", token);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoCommissioning.Data;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Outages;

/// <summary>Steps shared by the start-up and outage tests.</summary>
internal static class OutageScenario
{
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public static async Task<HttpClient> BearerClientAsync(this WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.AnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoUsers.Password, tokenName = "outage tests" }, Json.Options);
        var token = await response.ReadJsonAsync<CreatedApiTokenDto>(HttpStatusCode.Created);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    /// <summary>The app with its log written to a file the test can read (Serilog's configuration, as a deployment sets it).</summary>
    public static WebApplicationFactory<Program> LoggingTo(this CoWebFactory factory, string logFile, TimeSpan startupTimeout) =>
        factory.WithWebHostBuilder(host =>
        {
            host.UseSetting("Serilog:WriteTo:0:Name", "File");
            host.UseSetting("Serilog:WriteTo:0:Args:path", logFile);
            host.UseSetting(Web.Infrastructure.DatabaseStartup.TimeoutSetting, startupTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>What the app has logged so far (the file is open for writing in the app).</summary>
    public static string ReadLog(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return "";
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var until = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Gave up after {limit} waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<HttpStatusCode> StatusOfAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    public static async Task<T> WithDatabaseAsync<T>(this WebApplicationFactory<Program> factory, Func<AppDbContext, Task<T>> read)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}

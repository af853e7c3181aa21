using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoCommissioning.Data;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    /// <summary>The app with <c>Database:StartupTimeout</c> set and what it logs kept in <paramref name="log"/>.</summary>
    public static WebApplicationFactory<Program> Logging(this CoWebFactory factory, CapturedLog log, TimeSpan startupTimeout) =>
        factory.WithWebHostBuilder(host =>
        {
            host.UseSetting(Web.Infrastructure.DatabaseStartup.TimeoutSetting, startupTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));

            // Registered after the app's own (Serilog's), so the app logs here: the test reads the lines, not a console.
            host.ConfigureTestServices(services => services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(logging => logging.AddProvider(log))));
        });

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

/// <summary>Every line the app logs, in order, for a test to look for.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public bool Contains(string text) => lines.Any(line => line.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join(Environment.NewLine, lines);

    public ILogger CreateLogger(string categoryName) => new Logger(lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (the browser cannot reach an in-memory TestServer), with its own
/// SQLite file seeded with the demo organisation.
/// </summary>
public sealed class CoCommissioningAppFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"cocommissioning-e2e-{Guid.NewGuid():N}.db");

    public CoCommissioningAppFactory() => UseKestrel(0);

    public string DatabasePath => databasePath;

    /// <summary>Starts Kestrel and returns the address it listens on, with a trailing slash.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel did not report its addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel listens on no plain HTTP address: {string.Join(", ", addresses)}");
        // Browsers and cookies behave the same on 127.0.0.1; "localhost" may resolve to ::1 first.
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:CoCommissioning", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Seed", "true");
        // Every journey signs in from 127.0.0.1; the per-address sign-in limit is for strangers, not for the suite.
        builder.UseSetting("SignIn:RateLimit:PermitLimit", "1000000");
        // Request logging for every page load drowns the test output; warnings and errors still show.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-shm", databasePath + "-wal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temp file left behind is harmless.
            }
        }
    }
}

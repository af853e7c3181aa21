using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program and Startup unchanged) on a test database. With Demo:Seed=true its own start-up
/// (PrepareDatabaseAsync) applies the provider's migrations and seeds the demo organisations before the first
/// request, so the tests exercise exactly what a deployment does.
/// </summary>
public sealed class CoWebFactory(ITestDatabase database) : WebApplicationFactory<Program>
{
    public ITestDatabase Database { get; } = database;

    /// <summary>Where the app writes the emails it sends (no SMTP server in tests).</summary>
    public string OutboxDirectory { get; } = Path.Combine(Path.GetTempPath(), $"coco-outbox-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting writes host configuration, which Program.cs already sees while it registers services (the
        // provider and connection string are read before Build()).
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:CoCommissioning", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Email:PickupDirectory", OutboxDirectory);

        // Notices are dispatched (and reminders queued) when a test says so, not by the background jobs.
        builder.UseSetting("Notices:DispatcherEnabled", "false");
        builder.UseSetting("Notices:DueSoonEnabled", "false");

        // The tests sign in hundreds of times from one address; SignInSecurityTests lowers it to test the limiter.
        builder.UseSetting("SignIn:RateLimit:PermitLimit", "1000000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Warning");
    }
}

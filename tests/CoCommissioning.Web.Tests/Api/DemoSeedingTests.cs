using System.Net;
using System.Net.Http.Json;
using CoCommissioning.Data;
using CoCommissioning.Web.Infrastructure;
using CoCommissioning.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCommissioning.Web.Tests.Api;

/// <summary>
/// Demo data only when asked (issue 12): the demo accounts share a published password, so Production seeds them only
/// with Demo:Seed=true set explicitly (and warns), while Development seeds by default. Each test starts the real app
/// on its own fresh SQLite file, without the Demo:Seed=true that <see cref="CoWebFactory"/> sets.
/// </summary>
public sealed class DemoSeedingTests
{
    // Logged on every start: shows that the log was captured, so a missing warning means something.
    private const string Started = "Application started";

    [Fact]
    public async Task Production_WithoutTheSetting_SeedsNoOrganisationAndNoUser_AndTheDemoPasswordDoesNotSignIn()
    {
        await using var app = DemoApp.Start("Production", demoSeed: null);

        var (organisations, users) = await app.CountAsync();
        organisations.Should().Be(0);
        users.Should().Be(0);
        (await app.SignInStatusAsync(DemoUsers.Admin)).Should().Be(HttpStatusCode.Unauthorized);
        (await app.LogAsync()).Should().Contain(Started).And.NotContain(Startup.DemoSeedWarning);
    }

    [Fact]
    public async Task Production_WithDemoSeedTrue_Seeds_AndWarnsOnEveryStart()
    {
        await using var database = SqliteDatabase.Create();
        await using (var first = DemoApp.Start("Production", demoSeed: true, database))
        {
            var (organisations, users) = await first.CountAsync();
            organisations.Should().BeGreaterThan(0);
            users.Should().BeGreaterThan(0);
            (await first.SignInStatusAsync(DemoUsers.Admin)).Should().Be(HttpStatusCode.Created);
            (await first.LogAsync()).Should().Contain(Startup.DemoSeedWarning);
        }

        // The demo is already there, so nothing is seeded, but the warning is logged again.
        await using var second = DemoApp.Start("Production", demoSeed: true, database);
        (await second.LogAsync()).Should().Contain(Startup.DemoSeedWarning);
    }

    [Fact]
    public async Task Development_ByDefault_SeedsTheDemo_WithoutTheWarning()
    {
        await using var app = DemoApp.Start("Development", demoSeed: null);

        var (organisations, users) = await app.CountAsync();
        organisations.Should().BeGreaterThan(0);
        users.Should().BeGreaterThan(0);
        (await app.SignInStatusAsync(DemoUsers.Admin)).Should().Be(HttpStatusCode.Created);
        (await app.LogAsync()).Should().Contain(Started).And.NotContain(Startup.DemoSeedWarning);
    }

    [Fact]
    public async Task Development_WithDemoSeedFalse_SeedsNothing()
    {
        await using var app = DemoApp.Start("Development", demoSeed: false);

        var (organisations, users) = await app.CountAsync();
        organisations.Should().Be(0);
        users.Should().Be(0);
    }

    /// <summary>The real app in one environment on a SQLite file, its Serilog output also written to a file to read back.</summary>
    private sealed class DemoApp : WebApplicationFactory<Program>
    {
        private readonly string environment;
        private readonly bool? demoSeed;
        private readonly ITestDatabase database;
        private readonly bool ownsDatabase;
        private readonly string logPath = Path.Combine(Path.GetTempPath(), $"coco-demoseed-{Guid.NewGuid():N}.log");

        private DemoApp(string environment, bool? demoSeed, ITestDatabase database, bool ownsDatabase)
        {
            this.environment = environment;
            this.demoSeed = demoSeed;
            this.database = database;
            this.ownsDatabase = ownsDatabase;
        }

        public static DemoApp Start(string environment, bool? demoSeed, ITestDatabase? database = null)
        {
            var app = new DemoApp(environment, demoSeed, database ?? SqliteDatabase.Create(), ownsDatabase: database is null);

            // Starts the host: migrations and any seeding run in the app's own start-up before this returns.
            _ = app.Server;
            return app;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:CoCommissioning", database.ConnectionString);
            if (demoSeed is { } seed)
            {
                builder.UseSetting("Demo:Seed", seed ? "true" : "false");
            }

            builder.UseSetting("Email:PickupDirectory", Path.Combine(Path.GetTempPath(), $"coco-outbox-{Guid.NewGuid():N}"));
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Information",
                ["Serilog:WriteTo:1:Name"] = "File",
                ["Serilog:WriteTo:1:Args:path"] = logPath,
            }));
        }

        public async Task<(int Organisations, int Users)> CountAsync()
        {
            await using var db = await Services.GetRequiredService<GovernanceDbFactory>().CreateForReadingAsync();
            return (await db.Organisations.IgnoreQueryFilters().CountAsync(), await db.Users.CountAsync());
        }

        /// <summary>POST /api/auth/token with the demo password: 201 when the account exists.</summary>
        public async Task<HttpStatusCode> SignInStatusAsync(string email)
        {
            using var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoUsers.Password, tokenName = "demo seeding test" }, Json.Options);
            return response.StatusCode;
        }

        /// <summary>What the app has logged so far (the file sink writes each event through).</summary>
        public async Task<string> LogAsync()
        {
            if (!File.Exists(logPath))
            {
                return "";
            }

            await using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return await reader.ReadToEndAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (ownsDatabase)
            {
                await database.DisposeAsync();
            }

            File.Delete(logPath);
        }
    }
}

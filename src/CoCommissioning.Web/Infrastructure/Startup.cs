using CoCommissioning.Data;
using CoCommissioning.Data.Identity;
using CoCommissioning.Web.Components;
using CoCommissioning.Web.Data;
using CoCommissioning.Web.Features.AgendaTemplates;
using CoCommissioning.Web.Features.Account;
using CoCommissioning.Web.Features.Administration;
using CoCommissioning.Web.Features.Audit;
using CoCommissioning.Web.Features.Committees;
using CoCommissioning.Web.Features.People;
using CoCommissioning.Web.Features.MeetingPack;
using CoCommissioning.Web.Features.Meetings;
using CoCommissioning.Web.Features.Minutes;
using CoCommissioning.Web.Features.Actions;
using CoCommissioning.Web.Features.Decisions;
using CoCommissioning.Web.Features.DecisionsLog;
using CoCommissioning.Web.Features.Quorum;
using CoCommissioning.Web.Features.TermsOfReference;
using CoCommissioning.Web.Features.PublicRecords;
using CoCommissioning.Web.Infrastructure.Email;
using CoCommissioning.Web.Infrastructure.Instances;
using CoCommissioning.Web.Features.Bodies;
using CoCommissioning.Web.Features.Declarations;
using CoCommissioning.Web.Features.DeclarationCycles;
using CoCommissioning.Web.Features.Retention;
using CoCommissioning.Web.Features.GiftsAndHospitality;
using CoCommissioning.Web.Features.Procurement;
using CoCommissioning.Web.Features.Breaches;
using CoCommissioning.Web.Features.RegisterSettings;
using CoCommissioning.Web.Features.PublicRegisters;
using CoCommissioning.Web.Features.PublicMeetings;
using CoCommissioning.Web.Features.Home;
using CoCommissioning.Web.Features.Notices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Serilog;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so tests see the same app.</summary>
public static class Startup
{
    private const string SmartScheme = "CookieOrBearer";

    public static void AddCoCommissioning(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The host keeps its own logger and leaves the static bootstrap logger alone: freezing that shared logger is a
        // race when two hosts start in one process (integration tests), and it only reports a failed start-up.
        builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration).Enrich.FromLogContext(), preserveStaticLogger: true);

        var provider = DatabaseSetup.ProviderFrom(configuration);
        var connectionString = ConnectionString(configuration, provider, builder.Environment);
        services.AddCoCommissioningDatabase(provider, connectionString);
        services.AddSingleton(TimeProvider.System);
        services.AddDatabaseHealth();

        // One key ring for every instance on the database: a cookie or antiforgery token issued by one instance is
        // read by the others, and the keys survive a redeploy without a shared folder. The fixed application name
        // keeps the instances' protectors compatible wherever each is installed (the default is the content root).
        services.AddDataProtection().SetApplicationName("CoCommissioning").PersistKeysToDbContext<AppDbContext>();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                // Lockout stays enabled for the administrator's lock (UserAdminService.SetLockedAsync); failed
                // passwords never count towards it (PasswordCheck), so no stranger can lock an account (ADR-0016).
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<CoClaimsPrincipalFactory>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context => ApiTokenAuthenticationHandler.HasBearerToken(context.Request)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        // A role change, lock or sign-out elsewhere changes the security stamp; cookies carrying the old one are
        // refused (and their roles re-read) within this interval instead of Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SecurityStampInterval);

        // Over plain http only where a developer runs the app locally; everywhere else TLS ends at the app or at a
        // proxy that says so through the forwarded headers.
        var cookieSecurity = IsDemoEnvironment(builder.Environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.SecurePolicy = cookieSecurity;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "CoCommissioning.Auth";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);

            // The JSON API answers 401/403; only pages redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAntiforgery(options =>
        {
            // As the request, not Always: with Always, antiforgery throws on any form page served over plain http (the
            // docker-compose demo on http://localhost, a proxy that does not forward the scheme), a 500 instead of a
            // sign-in page. Behind TLS the forwarded scheme makes it Secure; it is no credential, and SameSite=Strict.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddForwardedHeaders(configuration);
        services.AddSignInRateLimiting(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<PasswordCheck>();
        services.AddSingleton<DummyPasswordHash>();

        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new DefinedEnumConverterFactory());
            SaneDateConverters.AddTo(options.SerializerOptions.Converters);
        });
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());

        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<CommitteeService>();
        services.AddSingleton<PeopleService>();
        services.AddSingleton<TermsOfReferenceService>();
        services.AddSingleton<WhatIfService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<MeetingConsoleService>();
        services.AddSingleton<MeetingScheduleService>();
        services.AddSingleton<MeetingPaperService>();
        services.AddSingleton<AgendaTemplateService>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<DecisionsLogService>();
        services.AddSingleton<ActionService>();
        services.AddSingleton<MinutesService>();
        services.AddSingleton<PreFlagService>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<PublicService>();
        services.AddSingleton<ExternalBodyService>();
        services.AddSingleton<DeclarationService>();
        services.AddSingleton<DeclarationCycleService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<GiftService>();
        services.AddSingleton<ProcurementService>();
        services.AddSingleton<BreachService>();
        services.AddSingleton<RegisterSettingsService>();
        services.AddSingleton<CoCommissioning.Web.Features.LocalRules.LocalRulesService>();
        services.AddSingleton<PublicRegisterService>();
        services.AddSingleton<PublicMeetingsService>();
        services.AddSingleton<CoCommissioning.Web.Features.OpenData.OpenDataService>();
        services.AddSingleton<CommitteeSecretaryService>();
        services.AddSingleton<MeetingLifecycleService>();
        services.AddSingleton<HomeService>();
        services.AddSingleton<MeetingPackService>();
        services.AddSingleton<CoCommissioning.Web.Features.PublicSite.PublicSearchService>();
        services.AddOutputCache(PublicRegisterCaching.AddPolicies);
        services.AddSingleton<IPublicRegisterCache, PublicRegisterCache>();
        services.AddSingleton<IGovernanceChangeObserver, PublicRegisterInvalidation>();
        services.AddScoped<UserAdminService>();
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddHostedService<RetentionJob>();
        services.AddSingleton<IGovernanceChangeObserver, MeetingChangeObserver>();
        services.AddOtherInstances(provider, connectionString);
        services.AddScoped<DemoSeeder>();
        services.AddNotices(configuration);
    }

    public static void UseCoCommissioning(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseForwardedHeaders();
        // Outside the exception handler, so the request log states the status the caller got: a malformed body that
        // ApiExceptionHandler answers with a 400 is logged as that 400, not as an error with the parser's stack trace.
        // The host's logger, not the static one: with preserveStaticLogger the static logger stays the console-only
        // bootstrap logger, which ignores the configured sinks and levels.
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel;
        });
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePages(async context =>
        {
            // API callers get ProblemDetails for bare status codes; pages keep their own rendering.
            var http = context.HttpContext;
            if (http.Request.Path.StartsWithSegments("/api") && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
            {
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http });
            }
        });
        if (app.Configuration["Bench:StaticFolder"] is { Length: > 0 } benchFolder)
        {
            // Opt-in, for tests/load/public-register-load.sh: a static file to compare the register page with.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(benchFolder), RequestPath = "/bench" });
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUnstorableQueryCheck();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapStaticAssets().AllowAnonymous();
        app.MapDatabaseHealth();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api").RequireAuthorization(Policies.SignedIn).RefuseUnboundedArguments();
        api.MapApiEndpointGroups();
        app.MapSiteEndpointGroups();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>How stale a cookie's roles and security stamp may be (the Blazor circuit revalidates as often).</summary>
    public static readonly TimeSpan SecurityStampInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Trusts X-Forwarded-For and X-Forwarded-Proto only from the proxies named in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges), besides loopback: the client address feeds
    /// the sign-in rate limit and the scheme decides HSTS and secure cookies, so nobody else may set them.
    /// </summary>
    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    /// <summary>
    /// Errors are ours (5xx, or an exception nothing handled); a refused request is the caller's and only informs. A 409
    /// is usually a lost race between two people editing, which the app answers as designed.
    /// </summary>
    internal static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError
            ? Serilog.Events.LogEventLevel.Error
            : Serilog.Events.LogEventLevel.Information;

    /// <summary>The environment the integration tests run the app in (it seeds the demo like Development).</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>Logged on every start that seeds (or keeps) the demo outside Development and Testing.</summary>
    public const string DemoSeedWarning = "Demo data and demo accounts with a published password are being seeded: never do this with real data";

    /// <summary>
    /// Whether to seed the demo: <c>Demo:Seed</c> when it is set, otherwise only in Development and Testing. The default
    /// comes from the environment, not from appsettings.json, so a production deployment never inherits it.
    /// </summary>
    public static bool ShouldSeedDemo(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Demo:Seed") ?? IsDemoEnvironment(environment);

    private static bool IsDemoEnvironment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);

    /// <summary>
    /// Waits for the database, then, holding the start-up lock (<see cref="DatabaseStartup"/>), applies migrations (never
    /// EnsureCreated) and, when <see cref="ShouldSeedDemo"/>, seeds the demo organisations: any number of instances may
    /// start together, and each one after the first finds the work done.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var startupLock = await DatabaseStartup.WaitAndLockAsync(scope.ServiceProvider, app.Configuration, app.Logger, app.Lifetime.ApplicationStopping);
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.MigrateAsync(mayRecreateDemo: IsDemoEnvironment(app.Environment));
        if (ShouldSeedDemo(app.Configuration, app.Environment))
        {
            if (!IsDemoEnvironment(app.Environment))
            {
                app.Logger.LogWarning(DemoSeedWarning);
            }

            var seeded = await seeder.SeedAsync();
            app.Lifetime.ApplicationStarted.Register(() => DemoSeeder.PrintWelcome(app, seeded));
        }

        await LoadTestSeeder.SeedAsync(scope.ServiceProvider, app.Configuration);
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, IWebHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("CoCommissioning");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Database:Provider is Postgres, so set ConnectionStrings:CoCommissioning (for example the environment variable ConnectionStrings__CoCommissioning).");
        }

        // The embedded default: a SQLite file beside the app's content, created on first run.
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "cocommissioning.db")}";
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

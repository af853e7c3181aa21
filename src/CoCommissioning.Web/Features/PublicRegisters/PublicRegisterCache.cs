using CoCommissioning.Data;
using CoCommissioning.Web.Infrastructure.Instances;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>
/// Drops the cached public register pages of an organisation. Call it after saving any change that can alter what
/// the public registers show (a declaration reviewed, withheld, published, corrected or ended; a gift reviewed or
/// withheld; a procurement decision or breach recorded or corrected; a person's decision-making flag or committee
/// membership changed). Without a call, pages catch up within <see cref="PublicRegisterCaching.Expiry"/>.
/// </summary>
public interface IPublicRegisterCache
{
    Task InvalidateAsync(Guid organisationId, CancellationToken ct = default);
}

/// <summary>
/// Evicts the organisation's cached pages here and tells the other app instances to do the same
/// (<see cref="PublicRegisterEvictions"/>), so a withheld entry leaves every instance's public pages at once.
/// </summary>
// Reads through the plain context factory, not GovernanceDbFactory: the factory tells observers (among them the
// invalidation below) about saves, and depending on it here would be a cycle.
public sealed class PublicRegisterCache(IOutputCacheStore store, IDbContextFactory<AppDbContext> contexts, IOtherInstances others, ILogger<PublicRegisterCache> logger) : IPublicRegisterCache
{
    public async Task InvalidateAsync(Guid organisationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var slug = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Slug).SingleOrDefaultAsync(ct);
        if (slug is null)
        {
            return;
        }

        await store.EvictByTagAsync(PublicRegisterCaching.TagFor(slug), ct);
        await others.TellAsync(new InstanceNotice(PublicRegisterEvictions.NoticeKind, slug), ct);
        logger.LogInformation("Public register pages of {OrganisationSlug} evicted from the output cache", slug);
    }
}

/// <summary>Evicts here the pages another instance evicted (the notice's body is the organisation's slug).</summary>
public sealed class PublicRegisterEvictions(IOutputCacheStore store) : IInstanceNoticeHandler
{
    public const string NoticeKind = "public-registers-evicted";

    public string Kind => NoticeKind;

    public async Task HandleAsync(string body, CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicRegisterCaching.TagFor(body), cancellationToken);

    public async Task CatchUpAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicRegisterCaching.EveryPageTag, cancellationToken);
}

/// <summary>
/// Drops an organisation's cached register pages whenever a save touches anything they show, so a withheld entry
/// leaves the public pages at once rather than within the cache's expiry.
/// </summary>
public sealed class PublicRegisterInvalidation(IPublicRegisterCache cache) : IGovernanceChangeObserver
{
    private static readonly HashSet<string> Shown =
    [
        "Declaration", "DeclarationVersion", "GiftEntry", "ProcurementDecision", "Breach", "ExternalBody",
        "Person", "Membership", "Committee", "Organisation", "LocalRulesVersion", "CycleReturn", "DeclarationCycle",

        // The public committee, meeting and decision pages (Features/PublicMeetings) share the tag.
        "TermsOfReference", "MemberRole", "Meeting", "AgendaItem", "MeetingPaper", "Decision", "ItemRuling",
        "Minutes", "MinutesVersion", "MeetingDeclaration", "PreFlagDismissal",
    ];

    public async Task SavedAsync(IReadOnlyList<GovernanceChange> changes, CancellationToken cancellationToken)
    {
        foreach (var organisationId in changes.Where(c => Shown.Contains(c.RecordType)).Select(c => c.OrganisationId).Distinct())
        {
            await cache.InvalidateAsync(organisationId, cancellationToken);
        }
    }
}

/// <summary>The output-cache policy of the register pages (ADR-0008).</summary>
public static class PublicRegisterCaching
{
    public const string PolicyName = "PublicRegisterPage";

    /// <summary>
    /// Short, because the publication window moves with the date, and as the bound on how far behind a page can be
    /// when an eviction notice from another instance was lost.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(60);

    /// <summary>On every cached page, so all can go at once when evictions may have been missed.</summary>
    public const string EveryPageTag = "public-registers";

    public static string TagFor(string slug) => $"public-registers:{slug}";

    /// <summary>For <c>AddOutputCache</c>: pages keyed by path and query (the default), tagged per organisation.</summary>
    public static void AddPolicies(OutputCacheOptions options) =>
        options.AddPolicy(PolicyName, policy => policy.Expire(Expiry).AddPolicy<OrganisationTagPolicy>());

    /// <summary>
    /// Tags each cached page with its organisation's slug from the route, so one eviction drops them all, and keeps
    /// Blazor's antiforgery cookie off cacheable responses.
    /// </summary>
    /// <remarks>
    /// Blazor sets an antiforgery cookie on every page it renders for a visitor without one, and the default output
    /// cache policy rightly refuses to store a response that sets a cookie. These pages have no form that posts, so
    /// the cookie serves no purpose here: it is removed from anonymous, cacheable responses (the cookie is made again
    /// by the first page that needs it). Our callback is registered before Blazor's, and response-starting callbacks
    /// run last-registered first, so it runs after the cookie is added. Never storing the cookie also means a cached
    /// page can never hand one visitor's token to another.
    /// </remarks>
    private sealed class OrganisationTagPolicy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Request.RouteValues.TryGetValue("slug", out var slug) && slug is string text)
            {
                context.Tags.Add(TagFor(text));
            }

            context.Tags.Add(EveryPageTag);

            if (context.AllowCacheStorage)
            {
                var response = context.HttpContext.Response;
                response.OnStarting(() =>
                {
                    DropAntiforgeryCookie(response);
                    return Task.CompletedTask;
                });
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        private static void DropAntiforgeryCookie(HttpResponse response)
        {
            var cookies = response.Headers.SetCookie;
            if (cookies.Count == 0)
            {
                return;
            }

            var kept = cookies.Where(c => c is not null && !c.StartsWith(AntiforgeryOptions.DefaultCookiePrefix, StringComparison.Ordinal)).ToArray();
            if (kept.Length == 0)
            {
                response.Headers.Remove(HeaderNames.SetCookie);
            }
            else
            {
                response.Headers.SetCookie = kept;
            }
        }
    }
}

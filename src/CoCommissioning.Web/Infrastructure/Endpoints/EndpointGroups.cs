using System.Reflection;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>
/// A feature's JSON API, mapped under <c>/api</c>, where every endpoint needs a signed-in user unless it says
/// otherwise. Found by <see cref="EndpointGroups"/>, so a new feature adds its endpoints without touching start-up.
/// </summary>
public interface IApiEndpoints
{
    void Map(IEndpointRouteBuilder api);
}

/// <summary>A feature's endpoints at the site root, outside the API: form posts, file downloads, open data files.</summary>
public interface ISiteEndpoints
{
    void Map(IEndpointRouteBuilder site);
}

/// <summary>Finds the endpoint groups in this assembly and maps them in a stable order (by type name).</summary>
public static class EndpointGroups
{
    public static IReadOnlyList<Type> ApiGroups { get; } = Discover(typeof(IApiEndpoints));

    public static IReadOnlyList<Type> SiteGroups { get; } = Discover(typeof(ISiteEndpoints));

    public static void MapApiEndpointGroups(this IEndpointRouteBuilder api)
    {
        foreach (var type in ApiGroups)
        {
            ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        }
    }

    public static void MapSiteEndpointGroups(this IEndpointRouteBuilder site)
    {
        foreach (var type in SiteGroups)
        {
            ((ISiteEndpoints)Activator.CreateInstance(type)!).Map(site);
        }
    }

    private static Type[] Discover(Type contract) =>
        typeof(EndpointGroups).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && contract.IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
}

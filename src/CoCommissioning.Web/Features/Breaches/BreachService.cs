using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Breaches;

/// <summary>TODO (issue 4): the breaches feature service.</summary>
public sealed class BreachService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<BreachService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<BreachService> Logger { get; } = logger;
}

using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.DeclarationCycles;

/// <summary>TODO (issue 4): the annual declarations feature service.</summary>
public sealed class DeclarationCycleService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<DeclarationCycleService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<DeclarationCycleService> Logger { get; } = logger;
}

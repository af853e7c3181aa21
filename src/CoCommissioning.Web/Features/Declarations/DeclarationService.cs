using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Declarations;

/// <summary>TODO (issue 4): the declarations feature service.</summary>
public sealed class DeclarationService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<DeclarationService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<DeclarationService> Logger { get; } = logger;
}

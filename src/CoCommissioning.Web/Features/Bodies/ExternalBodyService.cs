using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Bodies;

/// <summary>TODO (issue 4): the bodies feature service.</summary>
public sealed class ExternalBodyService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<ExternalBodyService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<ExternalBodyService> Logger { get; } = logger;
}

using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.PublicRegisters;

/// <summary>TODO (issue 4): the public registers feature service.</summary>
public sealed class PublicRegisterService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<PublicRegisterService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<PublicRegisterService> Logger { get; } = logger;
}

using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.RegisterSettings;

/// <summary>TODO (issue 4): the register settings feature service.</summary>
public sealed class RegisterSettingsService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<RegisterSettingsService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<RegisterSettingsService> Logger { get; } = logger;
}

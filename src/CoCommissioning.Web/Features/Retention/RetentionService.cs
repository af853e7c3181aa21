using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Retention;

/// <summary>TODO (issue 4): the retention feature service.</summary>
public sealed class RetentionService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<RetentionService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<RetentionService> Logger { get; } = logger;
}

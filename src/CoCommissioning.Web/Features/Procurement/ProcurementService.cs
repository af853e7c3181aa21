using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.Procurement;

/// <summary>TODO (issue 4): the procurement decisions feature service.</summary>
public sealed class ProcurementService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<ProcurementService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<ProcurementService> Logger { get; } = logger;
}

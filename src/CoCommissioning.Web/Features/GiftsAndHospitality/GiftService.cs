using CoCommissioning.Data;

namespace CoCommissioning.Web.Features.GiftsAndHospitality;

/// <summary>TODO (issue 4): the gifts and hospitality feature service.</summary>
public sealed class GiftService(GovernanceDbFactory dbs, TimeProvider clock, ILogger<GiftService> logger)
{
    internal GovernanceDbFactory Dbs { get; } = dbs;
    internal TimeProvider Clock { get; } = clock;
    internal ILogger<GiftService> Logger { get; } = logger;
}

namespace CoCommissioning.Data.Identity;

/// <summary>
/// Application roles, held per organisation. Chair and vice chair are not here: those rights follow from the
/// committee office a person holds (see <see cref="Domain.Committees.CommitteeOffice"/>).
/// </summary>
public enum AppRole
{
    Member,
    CommitteeSecretary,
    GovernanceLead,
    Administrator,
}

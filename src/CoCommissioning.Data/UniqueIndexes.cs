using CoCommissioning.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoCommissioning.Data;

/// <summary>
/// The unique indexes (and keys) that stand for a rule, by name, with what a person is told when a save loses the race
/// to one of them. Any other failure of a save is a bug and is rethrown, never turned into a rule message.
/// </summary>
public static class UniqueIndexes
{
    public const string OneDecisionPerItem = "IX_Decisions_ItemId";
    public const string OneVotePerMemberPerItem = "IX_Votes_ItemId_MembershipId";
    public const string OneInquorateChoicePerItem = "IX_InquorateResolutions_ItemId";
    public const string OneAnswerPerFlag = "IX_PreFlagResponses_ItemId_DeclarationId";
    public const string OneRulingPerMemberPerItem = "IX_ItemRuling_ItemId_MembershipId";
    public const string OneDismissalPerFlag = "IX_PreFlagDismissal_ItemId_MembershipId_DeclarationId";
    public const string OneCommitteeName = "IX_Committees_OrganisationId_Name";
    public const string OneHolderPerOffice = "IX_Memberships_CommitteeId_Office";
    public const string OneTermsOfReferencePerDay = "IX_TermsOfReference_CommitteeId_EffectiveFrom";
    public const string OneReturnPerCycle = "IX_CycleReturns_CycleId_PersonId";
    public const string OneBodyName = "IX_ExternalBodies_OrganisationId_Kind_Name";
    public const string OneSettingsPerOrganisation = "PK_RegisterSettings";
    public const string OneMinutesPerMeeting = "IX_Minutes_MeetingId";
    public const string OneSecretaryAssignment = "IX_CommitteeSecretaries_CommitteeId_UserId";
    public const string OneAgendaTemplatePerCommittee = "IX_AgendaTemplates_CommitteeId";
    public const string OneLocalRulesVersionPerDay = "IX_LocalRules_OrganisationId_EffectiveFrom";

    private static readonly Dictionary<string, Failure> Races = new(StringComparer.Ordinal)
    {
        [OneDecisionPerItem] = Failure.Race("A decision for this item was recorded by someone else at the same moment. Refresh to see it."),
        [OneVotePerMemberPerItem] = Failure.Race("A vote for this member on this item was recorded by someone else at the same moment. Refresh to see it."),
        [OneInquorateChoicePerItem] = Failure.Race("Someone else recorded a choice for this item at the same moment. Refresh to see it."),
        [OneAnswerPerFlag] = Failure.Conflict("pre-flag answer"),
        [OneRulingPerMemberPerItem] = Failure.Race("A ruling on this member's conflict for this item was recorded by someone else at the same moment. Refresh to see it."),
        [OneDismissalPerFlag] = Failure.Race("This likely conflict was dismissed by someone else at the same moment. Refresh to see it."),
        [OneCommitteeName] = Failure.Conflict("committee"),
        [OneHolderPerOffice] = Failure.Conflict("committee"),
        [OneTermsOfReferencePerDay] = Failure.Conflict("committee"),
        [OneSettingsPerOrganisation] = Failure.Conflict("settings"),
        [OneSecretaryAssignment] = Failure.Race("This user was made a secretary of the committee by someone else at the same moment. Refresh to see it."),
        [OneAgendaTemplatePerCommittee] = Failure.Conflict("agenda template"),
        [OneLocalRulesVersionPerDay] = Failure.Conflict("local rules"),
    };

    /// <summary>
    /// What to tell a person whose save broke a named unique index: <paramref name="overrides"/> first (a service that
    /// words it for its own field), then the shared list; null when the failure is anything else.
    /// </summary>
    public static Failure? FailureFor(DbContext db, DbUpdateException exception, IReadOnlyDictionary<string, Failure>? overrides = null) =>
        Violated(db, exception) is { } name && (overrides?.GetValueOrDefault(name) ?? Races.GetValueOrDefault(name)) is { } failure ? failure : null;

    /// <summary>The name of the unique index or key the save broke, or null when it failed for another reason.</summary>
    public static string? Violated(DbContext db, DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite => SqliteIndexName(db, sqlite.Message),
        _ => null,
    };

    /// <summary>SQLite names the table and columns ("UNIQUE constraint failed: Decisions.ItemId"), not the index: find it in the model.</summary>
    private static string? SqliteIndexName(DbContext db, string message)
    {
        const string marker = "constraint failed: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var columns = message[(at + marker.Length)..].TrimEnd('\'', '.', ' ').Split(", ");
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            bool Matches(IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IProperty> properties) =>
                properties.Select(p => $"{table}.{p.GetColumnName()}").SequenceEqual(columns);

            if (entity.GetIndexes().FirstOrDefault(i => i.IsUnique && Matches(i.Properties)) is { } index)
            {
                return index.GetDatabaseName();
            }

            if (entity.FindPrimaryKey() is { } key && Matches(key.Properties))
            {
                return key.GetName();
            }
        }

        return null;
    }
}

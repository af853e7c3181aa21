using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoCommissioning.Data;

/// <summary>
/// The unique indexes that stand for a governance rule, by name, with what a person is told when a save loses the race
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

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [OneDecisionPerItem] = "A decision for this item was recorded by someone else at the same moment. Refresh to see it.",
        [OneVotePerMemberPerItem] = "A vote for this member on this item was recorded by someone else at the same moment. Refresh to see it.",
        [OneInquorateChoicePerItem] = "Someone else recorded a choice for this item at the same moment. Refresh to see it.",
        [OneAnswerPerFlag] = "This likely conflict was answered at the same moment elsewhere (another tab?). Refresh to see the answer.",
        [OneRulingPerMemberPerItem] = "A ruling on this member's conflict for this item was recorded by someone else at the same moment. Refresh to see it.",
        [OneDismissalPerFlag] = "This likely conflict was dismissed by someone else at the same moment. Refresh to see it.",
    };

    /// <summary>What to tell a person whose save broke a named unique index, or null when the failure is anything else.</summary>
    public static string? MessageFor(DbContext db, DbUpdateException exception)
    {
        var name = exception.InnerException switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite => SqliteIndexName(db, sqlite.Message),
            _ => null,
        };
        return name is not null && Messages.TryGetValue(name, out var message) ? message : null;
    }

    /// <summary>SQLite names the table and columns ("UNIQUE constraint failed: Decisions.ItemId"), not the index: find it in the model.</summary>
    private static string? SqliteIndexName(DbContext db, string message)
    {
        const string marker = "UNIQUE constraint failed: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var columns = message[(at + marker.Length)..].TrimEnd('\'', '.', ' ').Split(", ");
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
            {
                var named = index.Properties.Select(p => $"{table}.{p.GetColumnName()}");
                if (named.SequenceEqual(columns))
                {
                    return index.GetDatabaseName();
                }
            }
        }

        return null;
    }
}

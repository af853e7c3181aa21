using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CoCommissioning.Data;

/// <summary>
/// Thrown when the commit of a write failed in a way that leaves its outcome unknown: the server may have committed
/// before the connection broke. Neither retried (a retry could write twice) nor reported as "nothing was saved".
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("The database connection failed while committing; the change may or may not have been saved.", inner);

/// <summary>Tells a database that cannot be reached or is too busy (worth trying again shortly) from a bug.</summary>
public static class DatabaseFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>Administrator, crash and start-up shutdown: the server is going away or not yet back.</summary>
    public static readonly IReadOnlyList<string> ShutdownStates = ["57P01", "57P02", "57P03"];

    /// <summary>Whether <paramref name="exception"/> (or one it wraps) says the database is unavailable for now.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case CommitOutcomeUnknownException:
                case NpgsqlException { IsTransient: true }:
                case PostgresException { SqlState: var state } when ShutdownStates.Contains(state):
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }

    public static bool IsCommitOutcomeUnknown(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CommitOutcomeUnknownException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The failure to tell someone, shortest first: the innermost exception's message.</summary>
    public static string Reason(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }
}

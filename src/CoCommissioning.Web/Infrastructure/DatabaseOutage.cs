using CoCommissioning.Data;

namespace CoCommissioning.Web.Infrastructure;

/// <summary>What a person or API caller is told when a request failed because of the database, not a bug.</summary>
public sealed record DatabaseOutage(string Title, string Detail)
{
    /// <summary>Long enough for a restart or failover to finish, short enough that nobody gives up.</summary>
    public const string RetryAfterSeconds = "5";

    public static readonly DatabaseOutage Unavailable = new(
        "The database is unavailable; try again shortly",
        "The request could not be completed because the database could not be reached or was too busy. Try again in a few seconds.");

    public static readonly DatabaseOutage CommitUnknown = new(
        "The database connection failed while saving",
        "The change may or may not have been saved: check before trying again, so that it is not entered twice.");

    /// <summary>The outage <paramref name="exception"/> stands for, or null when it is some other failure.</summary>
    public static DatabaseOutage? Describe(Exception exception) =>
        DatabaseFailures.IsCommitOutcomeUnknown(exception) ? CommitUnknown
        : DatabaseFailures.IsOutage(exception) ? Unavailable
        : null;
}

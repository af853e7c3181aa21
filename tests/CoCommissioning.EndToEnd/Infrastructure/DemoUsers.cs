namespace CoCommissioning.EndToEnd.Infrastructure;

/// <summary>The demo sign-ins that <c>DemoSeeder</c> creates in "Example CCG".</summary>
public static class DemoUsers
{
    public const string Password = "Demo-Password-2026";
    public const string Secretary = "secretary@example-ccg.nhs.uk";
    public const string GovernanceLead = "governance@example-ccg.nhs.uk";
    public const string Administrator = "admin@example-ccg.nhs.uk";
    public const string Member = "member@example-ccg.nhs.uk";
    public const string Chair = "chair@example-ccg.nhs.uk";
}

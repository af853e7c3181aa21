namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>The demo sign-ins DemoSeeder creates (all with <see cref="Password"/>).</summary>
public static class DemoUsers
{
    public const string Password = CoCommissioning.Web.Data.DemoSeeder.DemoPassword;

    public const string Admin = "admin@example-ccg.nhs.uk";
    public const string Governance = "governance@example-ccg.nhs.uk";
    public const string Secretary = "secretary@example-ccg.nhs.uk";
    public const string Chair = "chair@example-ccg.nhs.uk";
    public const string Member = "member@example-ccg.nhs.uk";
    public const string NorthfieldSecretary = "secretary@northfield-icb.nhs.uk";

    public const string SecretaryName = "Emma Clarke";
}

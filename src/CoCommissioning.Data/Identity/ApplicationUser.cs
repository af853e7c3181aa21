using Microsoft.AspNetCore.Identity;

namespace CoCommissioning.Data.Identity;

/// <summary>A sign-in account. Governance records name <see cref="Domain.People.Person"/>s; an account links to one.</summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation whose records the user sees after signing in.</summary>
    public Guid DefaultOrganisationId { get; set; }

    /// <summary>The person this account belongs to, when they appear in governance records.</summary>
    public Guid? PersonId { get; set; }
}

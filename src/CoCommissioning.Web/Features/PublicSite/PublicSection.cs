namespace CoCommissioning.Web.Features.PublicSite;

/// <summary>The sections of an organisation's public site (<see cref="PublicSectionNav"/>).</summary>
public enum PublicSection
{
    Home,
    Committees,
    Meetings,
    Decisions,
    Registers,
    Search,
}

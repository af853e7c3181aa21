using CoCommissioning.Web.Features.MeetingPack;

namespace CoCommissioning.Web.Tests.MeetingPack;

/// <summary>What the pack's cover says about where the meeting is held, from the meeting's arrangements.</summary>
public sealed class PackVenueTests
{
    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("Riverside House", null, null, "Riverside House")]
    [InlineData("Riverside House", "1 River Road\nLeeds LS1 1AA", null, "Riverside House, 1 River Road, Leeds LS1 1AA")]
    [InlineData(null, null, "https://meet.example.nhs.uk/pccc", "Online (joining details on the meeting's page)")]
    [InlineData("Riverside House", null, "https://meet.example.nhs.uk/pccc", "Riverside House, and online (joining details on the meeting's page)")]
    [InlineData("  ", "", " ", null)]
    public void Venue_SaysWhereAndHow(string? name, string? address, string? link, string? expected) =>
        MeetingPackService.Venue(name, address, link).Should().Be(expected);
}

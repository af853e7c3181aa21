using CoCommissioning.Domain.Organisations;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.Organisations;

public class OrganisationTests
{
    private const string SlugRule = "The slug may use only lower-case letters, digits and hyphens.";

    [Theory]
    [InlineData("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup, "NHS Example CCG", "example-ccg")]
    [InlineData("  NHS Example ICB  ", "  example-icb  ", OrganisationKind.IntegratedCareBoard, "NHS Example ICB", "example-icb")]
    [InlineData("NHS North East and North Cumbria ICB", "nenc-icb-2022", OrganisationKind.IntegratedCareBoard, "NHS North East and North Cumbria ICB", "nenc-icb-2022")]
    public void Create_ValidDetails_SucceedsWithTrimmedValues(string name, string slug, OrganisationKind kind, string expectedName, string expectedSlug)
    {
        var result = Organisation.Create(name, slug, kind);

        result.Succeeded.Should().BeTrue();
        var organisation = result.Value!;
        organisation.Name.Should().Be(expectedName);
        organisation.Slug.Should().Be(expectedSlug);
        organisation.Kind.Should().Be(kind);
        organisation.Id.Should().NotBeEmpty();
        organisation.Version.Should().NotBeEmpty();
    }

    [Fact]
    public void Create_Always_OwnsItself()
    {
        var organisation = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;

        organisation.OrganisationId.Should().Be(organisation.Id);
    }

    [Fact]
    public void Create_TwoOrganisations_GetDifferentIds()
    {
        var first = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;
        var second = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;

        second.Id.Should().NotBe(first.Id);
    }

    [Theory]
    [InlineData(null, "Enter the name.")]
    [InlineData("", "Enter the name.")]
    [InlineData("   ", "Enter the name.")]
    public void Create_BlankName_FailsOnName(string? name, string message)
    {
        var result = Organisation.Create(name, "example-ccg", OrganisationKind.ClinicalCommissioningGroup);

        result.Succeeded.Should().BeFalse();
        result.Failure.ShouldBeValidation("Name", message);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Create_NameLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        var result = Organisation.Create(new string('N', length), "example-ccg", OrganisationKind.ClinicalCommissioningGroup);

        result.Succeeded.Should().Be(succeeds);
        if (!succeeds)
        {
            result.Failure.ShouldBeValidation("Name", "The name must be 200 characters or fewer.");
        }
    }

    [Fact]
    public void Create_NameAndSlugBothInvalid_ReportsNameFirst()
    {
        var result = Organisation.Create(" ", "Not A Slug", OrganisationKind.ClinicalCommissioningGroup);

        result.Failure.ShouldBeValidation("Name", "Enter the name.");
    }

    [Theory]
    [InlineData(null, "Enter the slug.")]
    [InlineData("", "Enter the slug.")]
    [InlineData("  ", "Enter the slug.")]
    [InlineData("Example-CCG", SlugRule)]
    [InlineData("EXAMPLE", SlugRule)]
    [InlineData("example ccg", SlugRule)]
    [InlineData("example_ccg", SlugRule)]
    [InlineData("example.ccg", SlugRule)]
    [InlineData("example/ccg", SlugRule)]
    [InlineData("exämple-ccg", SlugRule)]
    [InlineData("example-ccg!", SlugRule)]
    public void Create_InvalidSlug_FailsOnSlug(string? slug, string message)
    {
        var result = Organisation.Create("NHS Example CCG", slug, OrganisationKind.ClinicalCommissioningGroup);

        result.Succeeded.Should().BeFalse();
        result.Failure.ShouldBeValidation("Slug", message);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("ccg")]
    [InlineData("00q")]
    [InlineData("example-ccg")]
    [InlineData("nhs-north-east-and-north-cumbria-icb")]
    public void Create_ValidSlug_Succeeds(string slug)
    {
        var result = Organisation.Create("NHS Example CCG", slug, OrganisationKind.ClinicalCommissioningGroup);

        result.Succeeded.Should().BeTrue();
        result.Value!.Slug.Should().Be(slug);
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Create_SlugLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        var result = Organisation.Create("NHS Example CCG", new string('s', length), OrganisationKind.ClinicalCommissioningGroup);

        result.Succeeded.Should().Be(succeeds);
        if (!succeeds)
        {
            result.Failure.ShouldBeValidation("Slug", "The slug must be 60 characters or fewer.");
        }
    }

    [Theory]
    [InlineData("NHS Renamed ICB", "NHS Renamed ICB")]
    [InlineData("  NHS Renamed ICB ", "NHS Renamed ICB")]
    public void Rename_ValidName_ChangesNameAndVersion(string name, string expected)
    {
        var organisation = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;
        var version = organisation.Version;

        var result = organisation.Rename(name);

        result.Succeeded.Should().BeTrue();
        organisation.Name.Should().Be(expected);
        organisation.Version.Should().NotBe(version);
        organisation.Slug.Should().Be("example-ccg");
    }

    [Theory]
    [InlineData(null, "Enter the name.")]
    [InlineData(" ", "Enter the name.")]
    public void Rename_BlankName_FailsAndChangesNothing(string? name, string message)
    {
        var organisation = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;
        var version = organisation.Version;

        var result = organisation.Rename(name);

        result.Failure.ShouldBeValidation("Name", message);
        organisation.Name.Should().Be("NHS Example CCG");
        organisation.Version.Should().Be(version);
    }

    [Fact]
    public void Rename_TooLong_FailsAndChangesNothing()
    {
        var organisation = Organisation.Create("NHS Example CCG", "example-ccg", OrganisationKind.ClinicalCommissioningGroup).Value!;
        var version = organisation.Version;

        var result = organisation.Rename(new string('N', 201));

        result.Failure.ShouldBeValidation("Name", "The name must be 200 characters or fewer.");
        organisation.Name.Should().Be("NHS Example CCG");
        organisation.Version.Should().Be(version);
    }
}

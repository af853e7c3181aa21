using CoCommissioning.Domain.Common;
using CoCommissioning.Domain.People;
using CoCommissioning.Domain.Tests.TestSupport;

namespace CoCommissioning.Domain.Tests.People;

public class PersonTests
{
    private const string EmailFormat = "Enter an email address in the correct format, like name@example.nhs.uk.";
    private const string SeveralInvalid = "Some of the information given is not valid.";
    private static readonly Guid OrganisationId = Guid.Parse("3f1d2a9e-0000-4000-8000-000000000001");

    private static Person NewPerson() =>
        Person.Create(OrganisationId, "Jane Smith", "jane.smith@example.nhs.uk", "Chief Finance Officer", isDecisionMakingStaff: true).Value!;

    [Theory]
    [InlineData("Jane Smith", "jane.smith@example.nhs.uk", "Chief Finance Officer", true, "Jane Smith", "jane.smith@example.nhs.uk", "Chief Finance Officer")]
    [InlineData("  Jane Smith  ", "  jane.smith@example.nhs.uk ", " Lay Member ", false, "Jane Smith", "jane.smith@example.nhs.uk", "Lay Member")]
    [InlineData("Jane Smith", null, null, false, "Jane Smith", null, null)]
    [InlineData("Jane Smith", "", "", true, "Jane Smith", null, null)]
    [InlineData("Jane Smith", "   ", "\t", true, "Jane Smith", null, null)]
    public void Create_ValidDetails_SucceedsWithCleanValues(
        string fullName, string? email, string? jobTitle, bool decisionMaking, string expectedName, string? expectedEmail, string? expectedTitle)
    {
        var result = Person.Create(OrganisationId, fullName, email, jobTitle, decisionMaking);

        result.Succeeded.Should().BeTrue();
        var person = result.Value!;
        person.Id.Should().NotBeEmpty();
        person.OrganisationId.Should().Be(OrganisationId);
        person.FullName.Should().Be(expectedName);
        person.Email.Should().Be(expectedEmail);
        person.JobTitle.Should().Be(expectedTitle);
        person.IsDecisionMakingStaff.Should().Be(decisionMaking);
        person.Version.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(null, "Enter the full name.")]
    [InlineData("", "Enter the full name.")]
    [InlineData("  ", "Enter the full name.")]
    public void Create_BlankFullName_FailsOnFullName(string? fullName, string message)
    {
        var result = Person.Create(OrganisationId, fullName, null, null, false);

        result.Succeeded.Should().BeFalse();
        var failure = result.Failure!;
        failure.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be(SeveralInvalid);
        failure.FieldErrors.Should().ContainSingle();
        failure.FieldErrors["FullName"].Should().Equal(message);
    }

    [Theory]
    [InlineData("name@example.nhs.uk")]
    [InlineData("jane.smith@example.nhs.uk")]
    [InlineData("a@b.c")]
    [InlineData("first.last+committee@nhs.net")]
    [InlineData("NAME@EXAMPLE.NHS.UK")]
    [InlineData("  name@example.nhs.uk  ")]
    public void Create_WellFormedEmail_Succeeds(string email)
    {
        var result = Person.Create(OrganisationId, "Jane Smith", email, null, false);

        result.Succeeded.Should().BeTrue();
        result.Value!.Email.Should().Be(email.Trim());
    }

    [Theory]
    [InlineData("name")]
    [InlineData("name.example.nhs.uk")]
    [InlineData("@example.nhs.uk")]
    [InlineData("name@")]
    [InlineData("name@example")]
    [InlineData("first.last@nhs")]
    [InlineData("name@.nhs.uk")]
    [InlineData("name@example.")]
    [InlineData("name@example.nhs.uk.")]
    [InlineData("name@@example.nhs.uk")]
    [InlineData("name@example@nhs.uk")]
    [InlineData("na me@example.nhs.uk")]
    [InlineData("name@exa mple.nhs.uk")]
    [InlineData("name@example.nhs\t.uk")]
    public void Create_MalformedEmail_FailsOnEmailWithFormatMessage(string email)
    {
        var result = Person.Create(OrganisationId, "Jane Smith", email, null, false);

        result.Succeeded.Should().BeFalse();
        var failure = result.Failure!;
        failure.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be(SeveralInvalid);
        failure.FieldErrors.Should().ContainSingle();
        failure.FieldErrors["Email"].Should().Equal(EmailFormat);
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Create_EmailLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        const string domain = "@example.nhs.uk";
        var email = new string('n', length - domain.Length) + domain;

        var result = Person.Create(OrganisationId, "Jane Smith", email, null, false);

        result.Succeeded.Should().Be(succeeds);
        if (!succeeds)
        {
            result.Failure!.FieldErrors.Should().ContainSingle();
            result.Failure.FieldErrors["Email"].Should().Equal("The email must be 256 characters or fewer.");
        }
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Create_JobTitleLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        var result = Person.Create(OrganisationId, "Jane Smith", null, new string('t', length), false);

        result.Succeeded.Should().Be(succeeds);
        if (!succeeds)
        {
            result.Failure!.FieldErrors.Should().ContainSingle();
            result.Failure.FieldErrors["JobTitle"].Should().Equal("The job title must be 200 characters or fewer.");
        }
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Create_FullNameLength_AllowedUpToMaximum(int length, bool succeeds)
    {
        var result = Person.Create(OrganisationId, new string('J', length), null, null, false);

        result.Succeeded.Should().Be(succeeds);
        if (!succeeds)
        {
            result.Failure!.FieldErrors.Should().ContainSingle();
            result.Failure.FieldErrors["FullName"].Should().Equal("The full name must be 200 characters or fewer.");
        }
    }

    [Fact]
    public void Create_EveryFieldInvalid_ReportsEveryField()
    {
        var result = Person.Create(OrganisationId, " ", "not-an-email", new string('t', 201), false);

        var failure = result.Failure!;
        failure.Kind.Should().Be(FailureKind.Validation);
        failure.Message.Should().Be(SeveralInvalid);
        failure.FieldErrors.Keys.Should().BeEquivalentTo("FullName", "Email", "JobTitle");
        failure.FieldErrors["FullName"].Should().Equal("Enter the full name.");
        failure.FieldErrors["Email"].Should().Equal(EmailFormat);
        failure.FieldErrors["JobTitle"].Should().Equal("The job title must be 200 characters or fewer.");
    }

    [Theory]
    [InlineData("Jane Jones", "jane.jones@example.nhs.uk", "Director of Primary Care", false, "jane.jones@example.nhs.uk", "Director of Primary Care")]
    [InlineData(" Jane Jones ", "", " ", true, null, null)]
    public void Update_ValidDetails_ChangesDetailsAndVersion(
        string fullName, string? email, string? jobTitle, bool decisionMaking, string? expectedEmail, string? expectedTitle)
    {
        var person = NewPerson();
        var id = person.Id;
        var version = person.Version;

        var result = person.Update(fullName, email, jobTitle, decisionMaking);

        result.Succeeded.Should().BeTrue();
        person.FullName.Should().Be("Jane Jones");
        person.Email.Should().Be(expectedEmail);
        person.JobTitle.Should().Be(expectedTitle);
        person.IsDecisionMakingStaff.Should().Be(decisionMaking);
        person.Version.Should().NotBe(version);
        person.Id.Should().Be(id);
        person.OrganisationId.Should().Be(OrganisationId);
    }

    [Theory]
    [InlineData("", "jane@example.nhs.uk", null, "FullName", "Enter the full name.")]
    [InlineData("Jane Jones", "jane@example", null, "Email", EmailFormat)]
    [InlineData("Jane Jones", null, "This job title is far too long to fit. This job title is far too long to fit. This job title is far too long to fit. This job title is far too long to fit. This job title is far too long to fit. This job title is far too long.", "JobTitle", "The job title must be 200 characters or fewer.")]
    public void Update_InvalidDetails_FailsAndChangesNothing(string? fullName, string? email, string? jobTitle, string field, string message)
    {
        var person = NewPerson();
        var version = person.Version;

        var result = person.Update(fullName, email, jobTitle, isDecisionMakingStaff: false);

        result.Succeeded.Should().BeFalse();
        result.Failure!.Kind.Should().Be(FailureKind.Validation);
        result.Failure.FieldErrors.Should().ContainSingle();
        result.Failure.FieldErrors[field].Should().Equal(message);
        person.FullName.Should().Be("Jane Smith");
        person.Email.Should().Be("jane.smith@example.nhs.uk");
        person.JobTitle.Should().Be("Chief Finance Officer");
        person.IsDecisionMakingStaff.Should().BeTrue();
        person.Version.Should().Be(version);
    }
}

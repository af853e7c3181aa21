using CoCommissioning.Domain.Organisations;

namespace CoCommissioning.Domain.Tests.Organisations;

public sealed class ExternalBodyTests
{
    [Theory]
    [InlineData("Riverside Surgery", "m85001", null, "M85001")]
    [InlineData("Riverside Surgery", " ", null, null)]
    [InlineData("Riverside Surgery", "M85-001", "code", null)]
    [InlineData("", "M85001", "name", null)]
    public void Create_NameAndCode(string name, string? code, string? errorField, string? storedCode)
    {
        var result = ExternalBody.Create(Guid.NewGuid(), name, BodyKind.GpPractice, code);

        if (errorField is null)
        {
            result.Value!.Code.Should().Be(storedCode);
        }
        else
        {
            result.Failure!.FieldErrors.Should().ContainKey(errorField);
        }
    }
}

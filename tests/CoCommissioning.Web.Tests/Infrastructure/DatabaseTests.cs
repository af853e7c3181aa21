using CoCommissioning.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>A class fixture that holds a database of one provider: what <see cref="DatabaseFactAttribute"/> reads.</summary>
public interface IDatabaseFixture
{
    DatabaseProvider Provider { get; }
}

/// <summary>
/// A test that runs once on each provider: the method's first parameter is the <see cref="DatabaseProvider"/>. The
/// PostgreSQL case is reported as skipped, saying how to get a server, when <c>COCO_TEST_POSTGRES</c> is not set:
/// never silently passed, and not failed for want of a server.
/// </summary>
[XunitTestCaseDiscoverer("CoCommissioning.Web.Tests.Infrastructure.ProviderTheoryDiscoverer", "CoCommissioning.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : FactAttribute;

/// <summary>
/// A fact in a class whose fixture holds a database (<see cref="IDatabaseFixture"/>): skipped, with the reason, when
/// the fixture's database server is missing. On SQLite it always runs.
/// </summary>
[XunitTestCaseDiscoverer("CoCommissioning.Web.Tests.Infrastructure.DatabaseFactDiscoverer", "CoCommissioning.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A theory with data rows in a class whose fixture holds a database; skipped as <see cref="DatabaseFactAttribute"/> is.</summary>
[XunitTestCaseDiscoverer("CoCommissioning.Web.Tests.Infrastructure.DatabaseTheoryDiscoverer", "CoCommissioning.Web.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>Whether a provider's server is there for the tests, and if not, why a test is skipped.</summary>
public static class DatabaseAvailability
{
    public static string? MissingReason(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresDatabase.EnvironmentVariable))
            ? $"No PostgreSQL server: {PostgresDatabase.EnvironmentVariable} is not set. scripts/test.sh starts a throwaway cluster and sets it."
            : null;

    /// <summary>Why a test of a class with a database fixture is skipped: null when its server is there, or it has none.</summary>
    public static string? SkipReason(ITestMethod testMethod) => ProviderOf(testMethod) is { } provider ? MissingReason(provider) : null;

    /// <summary>The provider of the test class's database fixture, if it has one.</summary>
    public static DatabaseProvider? ProviderOf(ITestMethod testMethod)
    {
        var fixtures = testMethod.TestClass.Class.ToRuntimeType().GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(typeof(IDatabaseFixture).IsAssignableFrom);
        return fixtures.Select(f => ((IDatabaseFixture)Activator.CreateInstance(f)!).Provider).Cast<DatabaseProvider?>().FirstOrDefault();
    }

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason, object[]? arguments = null) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason, arguments);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        foreach (var provider in new[] { DatabaseProvider.Postgres, DatabaseProvider.Sqlite })
        {
            object[] arguments = [provider];
            yield return DatabaseAvailability.MissingReason(provider) is { } reason
                ? DatabaseAvailability.Skipped(diagnosticMessageSink, discoveryOptions, testMethod, reason, arguments)
                : new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, arguments);
        }
    }
}

public sealed class DatabaseFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DatabaseAvailability.SkipReason(testMethod) is { } reason
            ? [DatabaseAvailability.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        DatabaseAvailability.SkipReason(testMethod) is { } reason
            ? [DatabaseAvailability.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

using BenchmarkDotNet.Running;

namespace CoCommissioning.Benchmarks;

/// <summary>
/// Run with: dotnet run -c Release --project tests/CoCommissioning.Benchmarks -- --filter '*'
/// (A named class, not top-level statements: the web app this references has its own global Program.)
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

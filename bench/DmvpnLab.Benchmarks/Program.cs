using BenchmarkDotNet.Running;

namespace DmvpnLab.Benchmarks;

/// <summary>
/// Micro-benchmarks behind DESIGN.md's budgets: pick one with
/// <c>dotnet run -c Release --project bench/DmvpnLab.Benchmarks -- --filter '*Scheduler*'</c>.
/// The whole-lab scale measurement is <c>dmvpnlab bench scale --spokes N</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

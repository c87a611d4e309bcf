using System.Diagnostics;
using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Lab.Generate;

/// <summary>What one <see cref="ScaleRun"/> measured.</summary>
public sealed record ScaleResult(
    int Spokes,
    int Seed,
    bool Converged,
    TimeSpan LoadWallTime,
    TimeSpan ConvergeWallTime,
    TimeSpan VirtualTime,
    long EventsExecuted,
    long ManagedBytesPerSpoke,
    long DiffieHellmanOperations,
    TimeSpan DiffieHellmanTime,
    string DiffieHellmanEngine)
{
    public double EventsPerSecond => ConvergeWallTime.TotalSeconds > 0
        ? EventsExecuted / ConvergeWallTime.TotalSeconds
        : 0;

    /// <summary>Convergence wall time over DH time; the budget is at most 1.3.</summary>
    public double TimeOverDiffieHellman => DiffieHellmanTime.TotalSeconds > 0
        ? ConvergeWallTime.TotalSeconds / DiffieHellmanTime.TotalSeconds
        : double.NaN;
}

/// <summary>
/// Generates a hub-spoke lab in a temporary folder, boots it, runs it on the virtual clock
/// until every node reports converged, and measures the run: wall time, virtual time,
/// events, managed memory per spoke and the Diffie-Hellman work done meanwhile. This is the
/// measurement behind DESIGN.md's 10,000-spoke budgets; it is a benchmark, never a test.
/// </summary>
public static class ScaleRun
{
    public static ScaleResult Measure(int spokes, int seed, TimeSpan convergenceLimit)
    {
        string folder = Path.Combine(Path.GetTempPath(),
            "dmvpnlab-scale-" + Guid.NewGuid().ToString("N"));
        try
        {
            HubSpokeLab.Write(folder, spokes, seed);
            return MeasureIn(folder, spokes, seed, convergenceLimit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ScaleResult MeasureIn(string folder, int spokes, int seed, TimeSpan limit)
    {
        long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var wall = Stopwatch.StartNew();
        using var lab = LabInstance.Load(folder, new LabOptions { Seed = seed });
        lab.Boot();
        var loadTime = wall.Elapsed;

        long dhOperationsBefore = DiffieHellmanCounters.Operations;
        var dhTimeBefore = DiffieHellmanCounters.Elapsed;
        long eventsBefore = lab.Scheduler.EventsExecuted;
        var virtualBefore = lab.Scheduler.Now;
        wall.Restart();
        bool converged = lab.WaitConverged(limit);
        var convergeTime = wall.Elapsed;

        long dhOperations = DiffieHellmanCounters.Operations - dhOperationsBefore;
        var dhTime = DiffieHellmanCounters.Elapsed - dhTimeBefore;
        long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(lab);

        return new ScaleResult(spokes, seed, converged, loadTime, convergeTime,
            lab.Scheduler.Now - virtualBefore, lab.Scheduler.EventsExecuted - eventsBefore,
            (memoryAfter - memoryBefore) / spokes, dhOperations, dhTime,
            DiffieHellman.Default.EngineName);
    }
}

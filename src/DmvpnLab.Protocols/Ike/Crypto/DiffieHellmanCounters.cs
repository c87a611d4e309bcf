using System.Diagnostics;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// Process-wide count and wall time of the modular exponentiations
/// <see cref="DiffieHellman"/> performs, so `dmvpnlab bench scale` can set a lab's
/// convergence time against its DH budget (DESIGN.md, performance budgets). Wall time is
/// measured here for that report only; nothing in the emulation reads it. Labs running in
/// parallel in one process share the counters: take a snapshot before and after.
/// </summary>
public static class DiffieHellmanCounters
{
    private static long operations;
    private static long elapsedTimestamp;

    /// <summary>Exponentiations so far (key pairs and shared secrets).</summary>
    public static long Operations => Interlocked.Read(ref operations);

    /// <summary>Their total wall time.</summary>
    public static TimeSpan Elapsed =>
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref elapsedTimestamp));

    internal static long Start() => Stopwatch.GetTimestamp();

    internal static void Stop(long started)
    {
        long elapsed = Stopwatch.GetTimestamp() - started;
        Interlocked.Increment(ref operations);
        Interlocked.Add(ref elapsedTimestamp, elapsed);
    }
}

using DmvpnLab.Net.Routing;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// One destination of the topology table (RFC 7868 5.1): every path known to it, the
/// feasible distance (the lowest distance since the entry last went passive), the
/// successors in use, and, while DUAL runs a diffusing computation for it (Active), the
/// neighbors whose replies are awaited and those we owe a reply.
/// </summary>
public sealed class EigrpTopologyEntry
{
    internal EigrpTopologyEntry(Prefix prefix)
    {
        Prefix = prefix;
    }

    public Prefix Prefix { get; }

    /// <summary>The connected network's path, when one of our interfaces is on it.</summary>
    internal EigrpPath? Connected { get; set; }

    /// <summary>Paths by neighbor: a hub hears the tunnel subnet from every spoke.</summary>
    internal Dictionary<EigrpNeighbor, EigrpPath> NeighborPaths { get; } = new();

    /// <summary>The connected path first, then the neighbors' paths.</summary>
    public IEnumerable<EigrpPath> Paths
    {
        get
        {
            if (Connected is not null)
                yield return Connected;

            foreach (var path in NeighborPaths.Values)
                yield return path;
        }
    }

    public bool HasPaths => Connected is not null || NeighborPaths.Count > 0;

    public uint FeasibleDistance { get; internal set; } = EigrpMetric.Infinity;

    /// <summary>
    /// The paths in the RIB: the lowest distance that met the feasibility condition.
    /// </summary>
    internal List<EigrpPath> Successors { get; } = new();

    /// <summary>What the RIB was given for the successors, to install only on a change.</summary>
    internal List<(uint Distance, DmvpnLab.Wire.Ipv4Address NextHop,
        DmvpnLab.Wire.Eigrp.EigrpClassicMetric Vector)> InstalledRoutes { get; } = new();

    public IReadOnlyList<EigrpPath> SuccessorPaths => Successors;

    public bool IsActive { get; internal set; }

    internal HashSet<EigrpNeighbor> AwaitingReplies { get; } = new();

    internal HashSet<EigrpNeighbor> RepliesOwed { get; } = new();

    internal long ActiveSinceNanoseconds { get; set; }

    /// <summary>IOS's `serno`: the process's change counter when the entry last changed.</summary>
    public ulong SerialNumber { get; internal set; }

    public bool IsReachable => Successors.Count > 0;

    /// <summary>The last reachable vector, the template of a withdrawal.</summary>
    internal DmvpnLab.Wire.Eigrp.EigrpClassicMetric LastVector { get; set; }

    /// <summary>
    /// The feasibility condition of RFC 7868 5.4: a path is loop-free when its reported
    /// distance is below our feasible distance. Connected networks always are.
    /// </summary>
    public bool IsFeasible(EigrpPath path) =>
        path.IsConnected || path.ReportedDistance < FeasibleDistance;

    internal EigrpPath? FindPath(EigrpNeighbor? neighbor) =>
        neighbor is null ? Connected : NeighborPaths.GetValueOrDefault(neighbor);

    /// <summary>The lowest distance over every reachable path, or infinity.</summary>
    internal uint MinimumDistance()
    {
        uint best = EigrpMetric.Infinity;
        foreach (var path in Paths)
        {
            if (path.Distance < best)
                best = path.Distance;
        }

        return best;
    }
}

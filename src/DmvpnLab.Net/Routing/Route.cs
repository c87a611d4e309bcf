using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>
/// One candidate route offered to the RIB by a source. A route has a next-hop
/// address, an interface, or both; a static route to an address is resolved
/// recursively when the FIB is built.
/// </summary>
public sealed record Route(
    Prefix Prefix,
    RouteSource Source,
    byte Distance,
    uint Metric,
    Ipv4Address? NextHop,
    NetworkInterface? Interface,
    long InstalledAtNanoseconds)
{
    /// <summary>The routing process number, for `Known via "eigrp 1"`.</summary>
    public int ProcessId { get; init; }

    /// <summary>The advertising router, for EIGRP's `from` line.</summary>
    public Ipv4Address? From { get; init; }

    /// <summary>
    /// Extra lines a routing protocol prints under `Route metric is …` in the descriptor
    /// block of `show ip route A.B.C.D` (EIGRP: total delay, bandwidth, reliability, MTU,
    /// load, hops); null for none.
    /// </summary>
    public IReadOnlyList<string>? DescriptorDetails { get; init; }

    /// <summary>
    /// A routing protocol's summary (EIGRP's `ip summary-address`): a discard route to Null0
    /// that `show ip route` prints as "is a summary". Packets matching only it are dropped,
    /// so a summary never loops traffic for a missing component back out.
    /// </summary>
    public bool IsSummary { get; init; }

    public bool IsDirectlyConnected => NextHop is null;
}

using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// One way to a destination in the topology table: a connected network, or what one
/// neighbor reported (its reported distance, RD) plus the link to it (our distance
/// through it). RFC 7868 5.1 calls the neighbor's part the reported distance.
/// </summary>
public sealed class EigrpPath
{
    internal EigrpPath(EigrpNeighbor? neighbor, EigrpInterface eigrpInterface)
    {
        Neighbor = neighbor;
        Interface = eigrpInterface;
    }

    /// <summary>Null for a connected network.</summary>
    public EigrpNeighbor? Neighbor { get; }

    internal EigrpInterface Interface { get; }

    public bool IsConnected => Neighbor is null;

    /// <summary>
    /// Where packets go: the next hop field of the TLV when set, else the neighbor.
    /// </summary>
    public Ipv4Address NextHop { get; internal set; }

    /// <summary>
    /// The vector the neighbor reported (for a connected network, the interface's).
    /// </summary>
    public EigrpClassicMetric Reported { get; internal set; }

    /// <summary>The vector through this path, the link included.</summary>
    public EigrpClassicMetric Vector { get; internal set; }

    /// <summary>The neighbor's composite distance (RD); 0 for a connected network.</summary>
    public uint ReportedDistance { get; internal set; }

    /// <summary>Our composite distance through this path.</summary>
    public uint Distance { get; internal set; }

    /// <summary>The external data when the neighbor sent an external route TLV.</summary>
    public EigrpExternalRouteTlv? External { get; internal set; }

    public bool IsReachable => Distance != EigrpMetric.Infinity;
}

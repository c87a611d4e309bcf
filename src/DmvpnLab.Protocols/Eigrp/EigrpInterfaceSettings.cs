using DmvpnLab.Net.Routing;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// What interface configuration says about one EIGRP autonomous system on one interface:
/// `ip hello-interval eigrp N S`, `ip hold-time eigrp N S`, `[no] ip split-horizon eigrp N`,
/// `[no] ip next-hop-self eigrp N`. Kept even before `router eigrp N` exists, as IOS does.
/// </summary>
public sealed class EigrpInterfaceSettings
{
    /// <summary>Configured hello interval, or null for IOS's default.</summary>
    public int? HelloIntervalSeconds { get; set; }

    /// <summary>Configured hold time, or null for IOS's default.</summary>
    public int? HoldTimeSeconds { get; set; }

    /// <summary>Split horizon (IOS default: on).</summary>
    public bool SplitHorizon { get; set; } = true;

    /// <summary>
    /// Next-hop-self (IOS default: on); off keeps a learned next hop on its subnet.
    /// </summary>
    public bool NextHopSelf { get; set; } = true;

    /// <summary>`ip summary-address eigrp N A.B.C.D M.M.M.M`, in the order configured.</summary>
    public List<Prefix> Summaries { get; } = new();
}

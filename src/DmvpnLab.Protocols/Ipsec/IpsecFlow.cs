using DmvpnLab.Net.Tunnels;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// The protected GRE flow to one peer of a tunnel ("permit 47 host A host B"): the SA
/// pairs negotiated for it, the one outbound traffic uses, and the per-flow packet
/// counters of `show crypto ipsec sa`, which outlive rekeys as IOS's do.
/// </summary>
public sealed class IpsecFlow
{
    private readonly long[] drops = new long[Enum.GetValues<IpsecDropReason>().Length];

    public IpsecFlow(TunnelInterface tunnel, Ipv4Address local, Ipv4Address peer)
    {
        Tunnel = tunnel;
        Local = local;
        Peer = peer;
    }

    public TunnelInterface Tunnel { get; }

    public Ipv4Address Local { get; }

    public Ipv4Address Peer { get; }

    /// <summary>Every live pair, oldest first.</summary>
    public List<IpsecSaPair> Pairs { get; } = [];

    /// <summary>The newest pair: outbound packets use its SA.</summary>
    public IpsecSaPair? Current { get; set; }

    public long PacketsEncapsulated { get; set; }

    public long PacketsDecapsulated { get; set; }

    public long GetDropCount(IpsecDropReason reason) => drops[(int)reason];

    public void CountDrop(IpsecDropReason reason) => drops[(int)reason]++;

    /// <summary>IOS's "#send errors": packets that could not be sent protected.</summary>
    public long SendErrors => drops[(int)IpsecDropReason.NoSaSend];

    /// <summary>IOS's "#recv errors": inbound packets dropped after the SPI matched.</summary>
    public long ReceiveErrors =>
        drops[(int)IpsecDropReason.Replay] + drops[(int)IpsecDropReason.VerifyFailed]
        + drops[(int)IpsecDropReason.DecapsFailed] + drops[(int)IpsecDropReason.InvalidProtocol]
        + drops[(int)IpsecDropReason.InvalidIdentity];
}

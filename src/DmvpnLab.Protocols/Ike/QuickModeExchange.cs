using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Sim;

namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// One Quick Mode exchange (RFC 2409 5.5) under an ISAKMP SA: HASH(1) SA Ni IDci IDcr,
/// HASH(2) SA Nr IDci IDcr, HASH(3). For DMVPN the identities are the GRE flow between
/// the two tunnel endpoints (protocol 47, host to host).
/// </summary>
public sealed class QuickModeExchange
{
    public QuickModeExchange(IsakmpSa sa, uint messageId, bool isInitiator,
        TunnelInterface tunnel)
    {
        Sa = sa;
        MessageId = messageId;
        IsInitiator = isInitiator;
        Tunnel = tunnel;
    }

    public IsakmpSa Sa { get; }

    public uint MessageId { get; }

    public bool IsInitiator { get; }

    public TunnelInterface Tunnel { get; }

    /// <summary>Waiting for QM2 (initiator) or QM3 (responder).</summary>
    public bool IsDone { get; set; }

    public byte[] InitiatorNonce { get; set; } = [];

    public byte[] ResponderNonce { get; set; } = [];

    /// <summary>The SPI we chose: the peer sends to it (our inbound SA).</summary>
    public uint InboundSpi { get; set; }

    /// <summary>The SPI the peer chose: we send to it (our outbound SA).</summary>
    public uint OutboundSpi { get; set; }

    public IpsecTransformSet? TransformSet { get; set; }

    public int LifetimeSeconds { get; set; }

    public long LifetimeKilobytes { get; set; }

    public byte[]? LastSent { get; set; }

    public byte[]? LastReceived { get; set; }

    public int RetransmitCount { get; set; }

    public SimTimer? RetransmitTimer { get; set; }
}

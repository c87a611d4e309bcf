using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// A Resolution Request waiting for its reply. RFC 2332 5.2.1 lets the requester
/// retransmit; this one doubles its wait from 1 s, keeping the Request ID, so that a reply
/// lost while IPsec comes up between two spokes is asked for again.
/// </summary>
public sealed class NhrpPendingResolution
{
    /// <summary>Retransmissions before the request is given up.</summary>
    public const int MaximumRetransmissions = 6;

    public NhrpPendingResolution(Scheduler scheduler, uint requestId, Ipv4Address target,
        NhrpCacheEntry? refreshing, Action<NhrpPendingResolution> onTimeout)
    {
        RequestId = requestId;
        Target = target;
        Refreshing = refreshing;
        Timer = new SimTimer(scheduler, () => onTimeout(this));
    }

    public uint RequestId { get; }

    /// <summary>The protocol address to resolve.</summary>
    public Ipv4Address Target { get; }

    /// <summary>The complete entry being refreshed, or null for a first resolution.</summary>
    public NhrpCacheEntry? Refreshing { get; }

    public SimTimer Timer { get; }

    public int RetransmitSeconds { get; set; } = 1;

    public int Retransmissions { get; set; }
}

using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// One reliable packet waiting in a neighbor's retransmission queue (RFC 7868 5.5): sent
/// unicast when it reaches the head of the queue, unless the multicast already carried it
/// to this neighbor, and repeated every RTO until the neighbor acknowledges it.
/// </summary>
internal sealed class EigrpRetransmission
{
    public EigrpRetransmission(EigrpPacket packet, uint sequence)
    {
        Packet = packet;
        Sequence = sequence;
    }

    /// <summary>
    /// The packet, shared between the neighbors of a multicast; Ack is set per send.
    /// </summary>
    public EigrpPacket Packet { get; }

    public uint Sequence { get; }

    /// <summary>True once this neighbor was sent the packet (by multicast or unicast).</summary>
    public bool Sent { get; set; }

    /// <summary>Virtual time of the first transmission, for the round-trip time.</summary>
    public long FirstSentAtNanoseconds { get; set; }

    /// <summary>Unicast retransmissions so far.</summary>
    public int Retries { get; set; }
}

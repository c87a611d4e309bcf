using DmvpnLab.Net.Interfaces;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// A router heard on one of the process's interfaces: its hold timer, what it said in its
/// Hellos, and the reliable-transport state of RFC 7868 5.5 — the sequence number last
/// taken from it, the acknowledgment we owe it, our queue of unacknowledged packets to it,
/// and the smoothed round-trip time that sets the retransmission timeout.
/// </summary>
public sealed class EigrpNeighbor
{
    /// <summary>IOS gives up on a neighbor after 16 unanswered retransmissions.</summary>
    public const int RetryLimit = 16;

    private readonly Queue<EigrpRetransmission> queue = new();

    internal EigrpNeighbor(int handle, Ipv4Address address, EigrpInterface eigrpInterface,
        long nowNanoseconds)
    {
        Handle = handle;
        Address = address;
        Interface = eigrpInterface;
        UpSinceNanoseconds = nowNanoseconds;
    }

    /// <summary>IOS's `H` column: the lowest number free when the neighbor was heard.</summary>
    public int Handle { get; }

    public Ipv4Address Address { get; }

    internal EigrpInterface Interface { get; }

    public NetworkInterface NetworkInterface => Interface.NetworkInterface;

    public EigrpNeighborState State { get; internal set; } = EigrpNeighborState.Pending;

    public long UpSinceNanoseconds { get; }

    /// <summary>The hold time the neighbor announced.</summary>
    public int HoldTimeSeconds { get; internal set; }

    internal SimTimer? HoldTimer { get; set; }

    internal SimTimer? RetransmitTimer { get; set; }

    /// <summary>
    /// The neighbor's Software Version TLV, for `show ip eigrp neighbors detail`.
    /// </summary>
    public EigrpSoftwareVersionTlv? SoftwareVersion { get; internal set; }

    /// <summary>Sequence number of the last reliable packet accepted from it (`Seq Num`).</summary>
    public uint LastSequenceReceived { get; internal set; }

    /// <summary>A sequence number received and not yet acknowledged, or 0.</summary>
    internal uint PendingAck { get; set; }

    internal bool InitAcknowledged { get; set; }

    internal bool PeerInitReceived { get; set; }

    /// <summary>
    /// The neighbor's startup table is complete: an Update with the End-of-Table flag came.
    /// </summary>
    internal bool EndOfTableReceived { get; set; }

    /// <summary>Set by a Sequence TLV that did not list us: take the next CR packet.</summary>
    internal bool ConditionalReceive { get; set; }

    internal uint ConditionalReceiveSequence { get; set; }

    /// <summary>Smoothed round-trip time in milliseconds (0 until measured).</summary>
    public int SmoothedRoundTripMilliseconds { get; internal set; }

    /// <summary>
    /// IOS's retransmission timeout: six times the SRTT, between 100 ms and 5 s; 5 s until
    /// a round trip has been measured (what `show ip eigrp neighbors` prints as RTO).
    /// </summary>
    public int RetransmissionTimeoutMilliseconds => SmoothedRoundTripMilliseconds == 0
        ? 5000
        : Math.Clamp(6 * SmoothedRoundTripMilliseconds, 100, 5000);

    /// <summary>Reliable packets not yet acknowledged (`Q Cnt`).</summary>
    public int QueueCount => queue.Count;

    /// <summary>Retransmissions sent to this neighbor (`Retrans` in the detail).</summary>
    public int RetransmissionsSent { get; internal set; }

    /// <summary>Prefixes the neighbor currently gives us a path for.</summary>
    public int PrefixesReceived { get; internal set; }

    internal EigrpRetransmission? Head => queue.Count == 0 ? null : queue.Peek();

    internal void Enqueue(EigrpRetransmission entry) => queue.Enqueue(entry);

    internal EigrpRetransmission Dequeue() => queue.Dequeue();

    internal void ClearQueue() => queue.Clear();

    /// <summary>Folds a measured round trip into the SRTT (weights as RFC 6298's SRTT).</summary>
    internal void AddRoundTripSample(long nanoseconds)
    {
        int sample = (int)Math.Max(1, nanoseconds / 1_000_000);
        SmoothedRoundTripMilliseconds = SmoothedRoundTripMilliseconds == 0
            ? sample
            : (SmoothedRoundTripMilliseconds * 7 + sample) / 8;
    }

    public override string ToString() => $"{Address} ({NetworkInterface.Name})";
}

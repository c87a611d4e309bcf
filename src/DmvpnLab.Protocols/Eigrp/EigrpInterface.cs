using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// An interface an EIGRP process runs on (covered by a `network` statement, up, with an
/// address): its hello timer, its neighbors, what was last advertised on it (so a change
/// is sent once, and a route no longer advertised is withdrawn), and the counters of
/// `show ip eigrp interfaces detail`.
/// </summary>
public sealed class EigrpInterface
{
    internal EigrpInterface(NetworkInterface networkInterface, EigrpInterfaceSettings settings,
        bool passive)
    {
        NetworkInterface = networkInterface;
        Settings = settings;
        Passive = passive;
    }

    public NetworkInterface NetworkInterface { get; }

    public EigrpInterfaceSettings Settings { get; }

    /// <summary>
    /// `passive-interface`: the network is advertised, no Hellos are sent or taken.
    /// </summary>
    public bool Passive { get; }

    /// <summary>The address and length the interface had when the process took it.</summary>
    internal Prefix ConnectedPrefix { get; set; }

    /// <summary>
    /// When the process took the interface: neighbors are awaited for one hold time.
    /// </summary>
    internal long ActivatedAtNanoseconds { get; init; }

    internal SimTimer? HelloTimer { get; set; }

    /// <summary>Neighbors by address: a hub with thousands of spokes finds one in O(1).</summary>
    internal Dictionary<Ipv4Address, EigrpNeighbor> NeighborsByAddress { get; } = new();

    public IEnumerable<EigrpNeighbor> Neighbors => NeighborsByAddress.Values;

    /// <summary>
    /// Prefix → what was last advertised on this interface (reachable ones only).
    /// </summary>
    internal Dictionary<Prefix, EigrpAdvertisement> Advertised { get; } = new();

    /// <summary>
    /// The connected network's vector when last computed (bandwidth, delay, MTU).
    /// </summary>
    internal EigrpClassicMetric ConnectedVector { get; set; }

    /// <summary>
    /// IOS's rule (RFC 7868 5.3.1 describes it): 60 s hellos and 180 s hold on NBMA media of
    /// T1 speed or less, 5 s and 15 s elsewhere. The NBMA encapsulations are Frame Relay,
    /// ATM and X.25 multipoint; Ethernet and GRE tunnels (mGRE included) are not among them,
    /// which is why DMVPN tunnels show "Hello-interval is 5, Hold-time is 15" (refdata
    /// show-ip-eigrp-interfaces, Tu10). No interface type of this emulator is NBMA.
    /// </summary>
    public static bool IsLowSpeedNbma(NetworkInterface networkInterface) => false;

    public int HelloIntervalSeconds => Settings.HelloIntervalSeconds ??
        (IsLowSpeedNbma(NetworkInterface) ? 60 : 5);

    public int HoldTimeSeconds => Settings.HoldTimeSeconds ??
        (IsLowSpeedNbma(NetworkInterface) ? 180 : 15);

    public long HellosSent { get; internal set; }

    public long HellosExpedited { get; internal set; }

    public long PacketizedSent { get; internal set; }

    public long ReliableMulticastsSent { get; internal set; }

    public long UnreliableMulticastsSent { get; internal set; }

    public long ReliableUnicastsSent { get; internal set; }

    public long UnreliableUnicastsSent { get; internal set; }

    public long ConditionalReceivePackets { get; internal set; }

    public long RetransmissionsSent { get; internal set; }

    public long OutOfSequenceReceived { get; internal set; }

    public int UpNeighborCount
    {
        get
        {
            int count = 0;
            foreach (var neighbor in Neighbors)
            {
                if (neighbor.State == EigrpNeighborState.Up)
                    count++;
            }

            return count;
        }
    }

    public EigrpNeighbor? FindNeighbor(Ipv4Address address) =>
        NeighborsByAddress.GetValueOrDefault(address);
}

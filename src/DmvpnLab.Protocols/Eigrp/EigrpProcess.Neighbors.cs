using DmvpnLab.Net.Interfaces;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

// Hellos and neighbors: RFC 7868 5.3 (neighbor discovery and the hold timer, K values,
// peer termination) and 5.3.5 (the INIT exchange that brings a neighbor up).
public sealed partial class EigrpProcess
{
    /// <summary>
    /// What IOS puts in its Software Version TLV (EIGRP_adjacency.pcap: 12.4, TLV 1.2).
    /// IOS 15 sends a later release with TLV 2.0, but no capture or output in refdata ties
    /// a value to a 15.x release, so the one value seen on the wire is kept.
    /// </summary>
    public static readonly (byte Major, byte Minor, byte TlvMajor, byte TlvMinor) SoftwareVersion =
        (12, 4, 1, 2);

    private readonly SortedSet<int> freeHandles = new();
    private readonly HashSet<Ipv4Address> kMismatchLogged = new();
    private int nextHandle;

    private void OnHelloTimer(EigrpInterface running)
    {
        SendHello(running, expedited: false);

        // IOS jitters its Hellos a little below the interval (the capture shows 4.4-4.8 s).
        double jitter = 1.0 - Node.Scheduler.Random.NextDouble() * 0.12;
        running.HelloTimer!.Start(TimeSpan.FromSeconds(running.HelloIntervalSeconds * jitter));
    }

    private EigrpPacket NewHello(EigrpInterface running, EigrpParametersTlv parameters) => new()
    {
        Opcode = EigrpOpcode.Hello,
        AutonomousSystem = (ushort)AutonomousSystem,
        Tlvs =
        {
            parameters,
            new EigrpSoftwareVersionTlv
            {
                ReleaseMajor = SoftwareVersion.Major,
                ReleaseMinor = SoftwareVersion.Minor,
                TlvVersionMajor = SoftwareVersion.TlvMajor,
                TlvVersionMinor = SoftwareVersion.TlvMinor,
            },
        },
    };

    private EigrpParametersTlv Parameters(EigrpInterface running) => new()
    {
        K1 = KValues.K1,
        K2 = KValues.K2,
        K3 = KValues.K3,
        K4 = KValues.K4,
        K5 = KValues.K5,
        HoldTimeSeconds = (ushort)running.HoldTimeSeconds,
    };

    private void SendHello(EigrpInterface running, bool expedited)
    {
        var hello = NewHello(running, Parameters(running));
        running.HellosSent++;
        if (expedited)
            running.HellosExpedited++;

        running.UnreliableMulticastsSent++;
        Transmit(running, EigrpSender.AllEigrpRouters, hello, null);
    }

    /// <summary>
    /// A Hello with all K values 255: the peer-termination goodbye (RFC 7868 5.3.1).
    /// </summary>
    private void SendGoodbye(EigrpInterface running)
    {
        var goodbye = NewHello(running,
            EigrpParametersTlv.PeerTermination((ushort)running.HoldTimeSeconds));
        Transmit(running, EigrpSender.AllEigrpRouters, goodbye, null);
    }

    private void OnHello(EigrpInterface running, Ipv4Address source, EigrpPacket hello)
    {
        var parameters = hello.Find<EigrpParametersTlv>();
        if (parameters is null)
        {
            protocol.CountDrop(EigrpDropReason.MissingParameters);
            return;
        }

        var neighbor = running.FindNeighbor(source);
        if (parameters.IsPeerTermination)
        {
            if (neighbor is not null)
                RemoveNeighbor(neighbor, "Interface PEER-TERMINATION received");
            return;
        }

        if (!KValuesMatch(parameters))
        {
            OnKValueMismatch(running, source, neighbor);
            return;
        }

        kMismatchLogged.Remove(source);
        if (neighbor is null)
        {
            neighbor = AddNeighbor(running, source);
            SendHello(running, expedited: true);
        }

        neighbor.HoldTimeSeconds = parameters.HoldTimeSeconds;
        neighbor.SoftwareVersion =
            hello.Find<EigrpSoftwareVersionTlv>() ?? neighbor.SoftwareVersion;
        neighbor.HoldTimer!.Start(TimeSpan.FromSeconds(parameters.HoldTimeSeconds));
        OnSequenceTlv(running, neighbor, hello);
    }

    private bool KValuesMatch(EigrpParametersTlv parameters) =>
        parameters.K1 == KValues.K1 && parameters.K2 == KValues.K2 &&
        parameters.K3 == KValues.K3 && parameters.K4 == KValues.K4 &&
        parameters.K5 == KValues.K5;

    /// <summary>
    /// RFC 7868 5.3.3: K values must match. IOS logs the refusal; it is logged once per
    /// peer here until a matching Hello comes, where IOS repeats it with every Hello.
    /// </summary>
    private void OnKValueMismatch(EigrpInterface running, Ipv4Address source,
        EigrpNeighbor? neighbor)
    {
        protocol.CountDrop(EigrpDropReason.KValueMismatch);
        if (neighbor is not null)
        {
            RemoveNeighbor(neighbor, "K-value mismatch");
            kMismatchLogged.Add(source);
            return;
        }

        if (kMismatchLogged.Add(source))
            LogNeighborChange(source, running.NetworkInterface, "is down: K-value mismatch");
    }

    /// <summary>
    /// RFC 7868 5.5.2: a Hello with a Sequence TLV precedes a conditional-receive multicast.
    /// Listed peers must ignore it; the others take the packet whose sequence number the
    /// Next Multicast Sequence TLV announces.
    /// </summary>
    private static void OnSequenceTlv(EigrpInterface running, EigrpNeighbor neighbor,
        EigrpPacket hello)
    {
        var sequence = hello.Find<EigrpSequenceTlv>();
        if (sequence is null)
            return;

        bool listed = sequence.Addresses.Contains(running.NetworkInterface.Address);
        var next = hello.Find<EigrpNextMulticastSequenceTlv>();
        neighbor.ConditionalReceive = !listed && next is not null;
        neighbor.ConditionalReceiveSequence = next?.SequenceNumber ?? 0;
    }

    private EigrpNeighbor AddNeighbor(EigrpInterface running, Ipv4Address address)
    {
        int handle = freeHandles.Count > 0 ? freeHandles.Min : nextHandle++;
        freeHandles.Remove(handle);
        var neighbor = new EigrpNeighbor(handle, address, running, Node.Scheduler.NowNanoseconds);
        neighbor.HoldTimer = new SimTimer(Node.Scheduler, () => OnHoldTimerExpired(neighbor));
        neighbor.RetransmitTimer = new SimTimer(Node.Scheduler, () => OnRetransmitTimer(neighbor));
        running.NeighborsByAddress[address] = neighbor;
        LogNeighborChange(address, running.NetworkInterface, "is up: new adjacency");

        // RFC 7868 5.3.5: an empty Update with the INIT flag starts the exchange, reliably.
        var init = NewReliable(EigrpOpcode.Update, EigrpFlags.Init);
        EnqueueUnicast(neighbor, init);
        return neighbor;
    }

    private void OnHoldTimerExpired(EigrpNeighbor neighbor)
    {
        RemoveNeighbor(neighbor, "holding time expired");
        FlushChanges();
    }

    /// <summary>Both INITs acknowledged: the neighbor is up and gets our whole table.</summary>
    private void CheckNeighborUp(EigrpNeighbor neighbor)
    {
        if (neighbor.State == EigrpNeighborState.Up || !neighbor.InitAcknowledged ||
            !neighbor.PeerInitReceived)
            return;

        neighbor.State = EigrpNeighborState.Up;
        FlushChanges();
        SendStartupTable(neighbor);
    }

    /// <summary>Drops a neighbor: its paths go, DUAL recomputes what they carried.</summary>
    internal void RemoveNeighbor(EigrpNeighbor neighbor, string reason)
    {
        var running = neighbor.Interface;
        if (!running.NeighborsByAddress.Remove(neighbor.Address))
            return;

        neighbor.HoldTimer?.Stop();
        neighbor.RetransmitTimer?.Stop();
        neighbor.ClearQueue();
        freeHandles.Add(neighbor.Handle);
        LogNeighborChange(neighbor.Address, running.NetworkInterface, $"is down: {reason}");
        OnNeighborLost(neighbor);
    }

    /// <summary>
    /// `clear ip eigrp neighbors`: every neighbor dropped, rediscovered by Hellos.
    /// </summary>
    public void ClearNeighbors()
    {
        foreach (var running in interfaces.Values)
        {
            foreach (var neighbor in running.Neighbors.ToList())
                RemoveNeighbor(neighbor, "manually cleared");
        }

        FlushChanges();
    }

    public IEnumerable<EigrpNeighbor> AllNeighbors()
    {
        foreach (var running in interfaces.Values)
        {
            foreach (var neighbor in running.Neighbors)
                yield return neighbor;
        }
    }

    private void LogNeighborChange(Ipv4Address address, NetworkInterface networkInterface,
        string change) =>
        Node.Log.Syslog($"%DUAL-5-NBRCHANGE: EIGRP-IPv4 {AutonomousSystem}: Neighbor " +
                        $"{address} ({networkInterface.Name}) {change}");
}

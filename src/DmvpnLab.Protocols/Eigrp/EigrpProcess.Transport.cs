using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

// The reliable transport of RFC 7868 5.5: sequence numbers from one counter per process,
// one packet in flight per neighbor (IOS's window), acknowledgments piggybacked on the
// next unicast to the neighbor or sent as an empty Hello, retransmission every RTO by
// unicast, and reliable multicast with the Sequence TLV and the conditional-receive flag
// when some neighbors of the interface are still behind.
public sealed partial class EigrpProcess
{
    private readonly List<EigrpNeighbor> acknowledgmentsOwed = new();
    private uint lastSequenceSent;

    internal void Receive(NetworkInterface ingress, Ipv4Address source, Ipv4Address destination,
        EigrpPacket packet)
    {
        if (!interfaces.TryGetValue(ingress, out var running) || running.Passive)
        {
            protocol.CountDrop(EigrpDropReason.InterfaceNotEnabled);
            return;
        }

        if (source == ingress.Address)
            return;

        if (!running.ConnectedPrefix.Contains(source))
        {
            protocol.CountDrop(EigrpDropReason.NotOnCommonSubnet);
            return;
        }

        var neighbor = running.FindNeighbor(source);
        if (Node.Log.IsDebugEnabled(EigrpDebug.Category))
        {
            Node.Log.Debug(EigrpDebug.Category, EigrpDebug.Describe(false, ingress.Name, source,
                packet, ReliableQueueDepth(running), neighbor));
        }

        neighbor?.HoldTimer?.Start(TimeSpan.FromSeconds(Math.Max(1, neighbor.HoldTimeSeconds)));
        switch (packet.Opcode)
        {
            case EigrpOpcode.Hello when packet.IsAck:
                if (neighbor is null)
                    protocol.CountDrop(EigrpDropReason.UnknownNeighbor);
                else
                    OnAcknowledgment(neighbor, packet.AcknowledgmentNumber);
                break;
            case EigrpOpcode.Hello:
                OnHello(running, source, packet);
                break;
            case EigrpOpcode.Update or EigrpOpcode.Query or EigrpOpcode.Reply:
                OnReliable(running, neighbor, packet);
                break;
            default:
                protocol.CountDrop(EigrpDropReason.UnsupportedOpcode);
                break;
        }

        FlushChanges();
        SendOwedAcknowledgments();
    }

    private void OnReliable(EigrpInterface running, EigrpNeighbor? neighbor, EigrpPacket packet)
    {
        if (neighbor is null)
        {
            protocol.CountDrop(EigrpDropReason.UnknownNeighbor);
            return;
        }

        if (packet.AcknowledgmentNumber != 0)
            OnAcknowledgment(neighbor, packet.AcknowledgmentNumber);

        if ((packet.Flags & EigrpFlags.ConditionalReceive) != 0)
        {
            bool take = neighbor.ConditionalReceive &&
                        neighbor.ConditionalReceiveSequence == packet.SequenceNumber;
            neighbor.ConditionalReceive = false;
            if (!take)
            {
                protocol.CountDrop(EigrpDropReason.ConditionalReceiveIgnored);
                return;
            }
        }

        bool init = packet.Opcode == EigrpOpcode.Update && (packet.Flags & EigrpFlags.Init) != 0;
        if (init && neighbor.State == EigrpNeighborState.Up)
        {
            // The peer restarted: it starts over with INIT (RFC 7868 5.3.5).
            RemoveNeighbor(neighbor, "peer restarted");
            neighbor = AddNeighbor(running, neighbor.Address);
        }

        if (!init && neighbor.State != EigrpNeighborState.Up)
        {
            protocol.CountDrop(EigrpDropReason.NeighborNotUp);
            return;
        }

        if (!init && !IsNewer(packet.SequenceNumber, neighbor.LastSequenceReceived))
        {
            // Already taken: our acknowledgment was lost, so send it again.
            protocol.CountDrop(EigrpDropReason.Duplicate);
            running.OutOfSequenceReceived++;
            OweAcknowledgment(neighbor, packet.SequenceNumber);
            return;
        }

        neighbor.LastSequenceReceived = packet.SequenceNumber;
        OweAcknowledgment(neighbor, packet.SequenceNumber);
        if (packet.Opcode == EigrpOpcode.Update && (packet.Flags & EigrpFlags.EndOfTable) != 0)
            neighbor.EndOfTableReceived = true;

        if (init)
        {
            neighbor.PeerInitReceived = true;
            CheckNeighborUp(neighbor);
            return;
        }

        switch (packet.Opcode)
        {
            case EigrpOpcode.Update:
                OnUpdate(neighbor, packet);
                break;
            case EigrpOpcode.Query:
                OnQuery(neighbor, packet);
                break;
            case EigrpOpcode.Reply:
                OnReply(neighbor, packet);
                break;
        }
    }

    /// <summary>Serial-number order (RFC 1982) over the 32-bit sequence space.</summary>
    private static bool IsNewer(uint candidate, uint last) =>
        last == 0 || (int)(candidate - last) > 0;

    private void OnAcknowledgment(EigrpNeighbor neighbor, uint acknowledged)
    {
        var head = neighbor.Head;
        if (head is null || !head.Sent || head.Sequence != acknowledged)
            return;

        neighbor.Dequeue();
        neighbor.RetransmitTimer!.Stop();
        if (head.Retries == 0)
        {
            neighbor.AddRoundTripSample(
                Node.Scheduler.NowNanoseconds - head.FirstSentAtNanoseconds);
        }

        if ((head.Packet.Flags & EigrpFlags.Init) != 0)
        {
            neighbor.InitAcknowledged = true;
            CheckNeighborUp(neighbor);
        }

        // The next packet goes now, unless bringing the neighbor up already sent it.
        if (neighbor.Head is { Sent: false } &&
            neighbor.Interface.NeighborsByAddress.ContainsKey(neighbor.Address))
            TransmitHead(neighbor);
    }

    private void OweAcknowledgment(EigrpNeighbor neighbor, uint sequence)
    {
        neighbor.PendingAck = sequence;
        acknowledgmentsOwed.Add(neighbor);
    }

    /// <summary>
    /// Acknowledgments no unicast carried: each goes as an empty Hello (RFC 7868 5.3.2).
    /// </summary>
    private void SendOwedAcknowledgments()
    {
        foreach (var neighbor in acknowledgmentsOwed)
        {
            var running = neighbor.Interface;
            if (neighbor.PendingAck == 0 ||
                !running.NeighborsByAddress.ContainsKey(neighbor.Address))
                continue;

            var ack = new EigrpPacket
            {
                Opcode = EigrpOpcode.Hello,
                AcknowledgmentNumber = neighbor.PendingAck,
                AutonomousSystem = (ushort)AutonomousSystem,
            };
            neighbor.PendingAck = 0;
            running.UnreliableUnicastsSent++;
            Transmit(running, neighbor.Address, ack, neighbor);
        }

        acknowledgmentsOwed.Clear();
    }

    private EigrpPacket NewReliable(EigrpOpcode opcode, EigrpFlags flags) => new()
    {
        Opcode = opcode,
        Flags = flags,
        AutonomousSystem = (ushort)AutonomousSystem,
    };

    private uint NextSequence()
    {
        lastSequenceSent++;
        if (lastSequenceSent == 0)
            lastSequenceSent = 1;

        return lastSequenceSent;
    }

    /// <summary>
    /// Queues a reliable packet for one neighbor, sent unicast when it is at the head.
    /// </summary>
    private void EnqueueUnicast(EigrpNeighbor neighbor, EigrpPacket packet)
    {
        uint sequence = NextSequence();
        packet.SequenceNumber = sequence;
        neighbor.Interface.PacketizedSent++;
        neighbor.Enqueue(new EigrpRetransmission(packet, sequence));
        if (neighbor.QueueCount == 1)
            TransmitHead(neighbor);
    }

    /// <summary>
    /// Sends a reliable packet to every up neighbor of an interface. Neighbors whose queue is
    /// empty take it from one multicast; if others still wait for an acknowledgment, a Hello
    /// with the Sequence TLV lists them first and the multicast carries the CR flag, so they
    /// ignore it and get it by unicast in turn (RFC 7868 5.5.2).
    /// </summary>
    private void MulticastReliable(EigrpInterface running, EigrpPacket packet)
    {
        var ready = new List<EigrpNeighbor>();
        var lagging = new List<EigrpNeighbor>();
        foreach (var neighbor in running.Neighbors)
        {
            if (neighbor.State == EigrpNeighborState.Up)
                (neighbor.QueueCount == 0 ? ready : lagging).Add(neighbor);
        }

        if (ready.Count + lagging.Count == 0)
            return;

        uint sequence = NextSequence();
        packet.SequenceNumber = sequence;
        running.PacketizedSent++;
        var entries = new Dictionary<EigrpNeighbor, EigrpRetransmission>();
        foreach (var neighbor in running.Neighbors)
        {
            if (neighbor.State != EigrpNeighborState.Up)
                continue;

            var entry = new EigrpRetransmission(packet, sequence);
            entries[neighbor] = entry;
            neighbor.Enqueue(entry);
        }

        if (ready.Count == 0)
            return;

        var flags = packet.Flags;
        if (lagging.Count > 0)
        {
            SendSequenceHello(running, lagging, sequence);
            packet.Flags |= EigrpFlags.ConditionalReceive;
            running.ConditionalReceivePackets++;
        }

        packet.AcknowledgmentNumber = 0;
        running.ReliableMulticastsSent++;
        Transmit(running, EigrpSender.AllEigrpRouters, packet, null);
        packet.Flags = flags;
        long now = Node.Scheduler.NowNanoseconds;
        foreach (var neighbor in ready)
        {
            var entry = entries[neighbor];
            entry.Sent = true;
            entry.FirstSentAtNanoseconds = now;
            neighbor.RetransmitTimer!.Start(
                TimeSpan.FromMilliseconds(neighbor.RetransmissionTimeoutMilliseconds));
        }
    }

    private void SendSequenceHello(EigrpInterface running, List<EigrpNeighbor> lagging,
        uint sequence)
    {
        var hello = NewHello(running, Parameters(running));
        var listed = new EigrpSequenceTlv();
        foreach (var neighbor in lagging)
            listed.Addresses.Add(neighbor.Address);

        hello.Tlvs.Add(listed);
        hello.Tlvs.Add(new EigrpNextMulticastSequenceTlv { SequenceNumber = sequence });
        running.HellosSent++;
        running.UnreliableMulticastsSent++;
        Transmit(running, EigrpSender.AllEigrpRouters, hello, null);
    }

    /// <summary>Sends (or resends) the head of a neighbor's queue by unicast.</summary>
    private void TransmitHead(EigrpNeighbor neighbor)
    {
        var head = neighbor.Head!;
        var packet = head.Packet;
        var running = neighbor.Interface;
        var flags = packet.Flags;
        packet.Flags &= ~EigrpFlags.ConditionalReceive;
        packet.SequenceNumber = head.Sequence;
        packet.AcknowledgmentNumber = neighbor.PendingAck;
        neighbor.PendingAck = 0;
        if (head.Sent)
        {
            head.Retries++;
            neighbor.RetransmissionsSent++;
            running.RetransmissionsSent++;
        }
        else
        {
            head.Sent = true;
            head.FirstSentAtNanoseconds = Node.Scheduler.NowNanoseconds;
        }

        running.ReliableUnicastsSent++;
        Transmit(running, neighbor.Address, packet, neighbor, head.Retries);
        packet.Flags = flags;
        neighbor.RetransmitTimer!.Start(
            TimeSpan.FromMilliseconds(neighbor.RetransmissionTimeoutMilliseconds));
    }

    private void OnRetransmitTimer(EigrpNeighbor neighbor)
    {
        if (neighbor.Head is null)
            return;

        if (neighbor.Head.Retries >= EigrpNeighbor.RetryLimit)
        {
            RemoveNeighbor(neighbor, "retry limit exceeded");
            FlushChanges();
            return;
        }

        TransmitHead(neighbor);
    }

    private void Transmit(EigrpInterface running, Ipv4Address destination, EigrpPacket packet,
        EigrpNeighbor? neighbor, int retry = -1)
    {
        if (Node.Log.IsDebugEnabled(EigrpDebug.Category))
        {
            Node.Log.Debug(EigrpDebug.Category, EigrpDebug.Describe(true,
                running.NetworkInterface.Name, neighbor?.Address, packet,
                ReliableQueueDepth(running), neighbor, retry));
        }

        EigrpSender.Send(Node, running.NetworkInterface, destination, packet);
    }

    private static int ReliableQueueDepth(EigrpInterface running)
    {
        int depth = 0;
        foreach (var neighbor in running.Neighbors)
            depth = Math.Max(depth, neighbor.QueueCount);

        return depth;
    }
}

using DmvpnLab.Net.Arp;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Arp;
using DmvpnLab.Wire.Ethernet;

namespace DmvpnLab.Net.Interfaces;

/// <summary>
/// An Ethernet port cabled to a <see cref="Link"/>: Ethernet II framing, ARP
/// (RFC 826) for next hops, and hand-off of IPv4 to the node's stack.
/// </summary>
public sealed class EthernetInterface : NetworkInterface, ILinkEndpoint
{
    private const int HeaderLength = EthernetFrameView.HeaderLength;

    /// <summary>IEEE 802.3's 64-byte minimum less the FCS, which the captures omit.</summary>
    private const int MinimumFrameLength = 60;

    public EthernetInterface(NetworkNode node, string name, MacAddress mac) : base(node, name)
    {
        Mac = mac;
    }

    public MacAddress Mac { get; }

    public Link? Link { get; private set; }

    public ArpCache Arp { get; } = new();

    public override bool LineProtocolUp => Link is { IsUp: true };

    public override int Mtu => 1500;

    public override int DefaultBandwidthKilobits => Name.StartsWith("Gigabit", StringComparison.Ordinal)
        ? 1_000_000 : Name.StartsWith("Fast", StringComparison.Ordinal) ? 100_000 : 10_000;

    public override int DefaultDelayMicroseconds => Name.StartsWith("Gigabit", StringComparison.Ordinal)
        ? 10 : Name.StartsWith("Fast", StringComparison.Ordinal) ? 100 : 1000;

    public override string HardwareDescription =>
        $"iGbE, address is {Mac.ToCiscoString()} (bia {Mac.ToCiscoString()})";

    public override void WriteEncapsulationDetails(TextWriter output)
    {
        output.WriteLine("  Encapsulation ARPA, loopback not set");
        output.WriteLine("  Keepalive set (10 sec)");
        output.WriteLine("  Full Duplex, Auto Speed, link type is auto, media type is RJ45");
        output.WriteLine("  output flow-control is unsupported, input flow-control is unsupported");
        output.WriteLine("  ARP type: ARPA, ARP Timeout 04:00:00");
    }

    public void Attach(Link link)
    {
        Link = link;
        RaiseStateChanged();
    }

    public void OnLinkStateChanged(bool up) => RaiseStateChanged();

    public override void TransmitIpv4(PacketBuffer buffer, int offset, int length,
        Ipv4Address nextHop)
    {
        if (!IsUp)
        {
            Counters.OutputDrops++;
            return;
        }

        MacAddress destination;
        if (nextHop.IsMulticast)
        {
            destination = MacAddress.FromIpv4Multicast(nextHop);
        }
        else if (nextHop == Ipv4Address.Broadcast || IsSubnetBroadcast(nextHop))
        {
            destination = MacAddress.Broadcast;
        }
        else if (!Arp.TryGet(nextHop, out destination))
        {
            QueueForArp(buffer, offset, length, nextHop);
            return;
        }

        SendFrame(buffer.Bytes.AsSpan(), offset, length, destination, EtherType.Ipv4);
    }

    private bool IsSubnetBroadcast(Ipv4Address address) =>
        HasAddress && PrefixLength < 31 &&
        address.Value == (Network.Value | ~Mask.Value);

    private void QueueForArp(PacketBuffer buffer, int offset, int length, Ipv4Address nextHop)
    {
        var copy = Node.Pool.Rent();
        buffer.Bytes.AsSpan(offset, length).CopyTo(copy.Bytes.AsSpan(NetworkNode.Headroom));
        copy.Length = NetworkNode.Headroom + length;
        bool first = Arp.Enqueue(nextHop, copy, NetworkNode.Headroom, length, out bool dropped);
        if (dropped)
        {
            Node.Pool.Return(copy);
            Counters.OutputDrops++;
            return;
        }

        if (first)
            SendArp(ArpOperation.Request, default, MacAddress.Broadcast, nextHop);
    }

    /// <summary>Writes the Ethernet header in front of the payload and transmits.</summary>
    private void SendFrame(Span<byte> bytes, int offset, int length, MacAddress destination,
        EtherType etherType)
    {
        int start = offset - HeaderLength;
        EthernetFrame.WriteHeader(bytes[start..], destination, Mac, etherType);
        int frameLength = HeaderLength + length;
        if (frameLength < MinimumFrameLength)
        {
            bytes.Slice(start + frameLength, MinimumFrameLength - frameLength).Clear();
            frameLength = MinimumFrameLength;
        }

        Counters.CountOutput(frameLength);
        Link!.Transmit(this, bytes.Slice(start, frameLength));
    }

    /// <summary>
    /// Sends an ARP request (target MAC zero, to broadcast) or reply (to the asker).
    /// </summary>
    private void SendArp(ArpOperation operation, MacAddress targetMac,
        MacAddress frameDestination, Ipv4Address targetAddress)
    {
        if (!HasAddress)
            return;

        var buffer = Node.Pool.Rent();
        int length = ArpPacket.Write(buffer.Bytes.AsSpan(NetworkNode.Headroom), operation, Mac,
            Address, targetMac, targetAddress);
        SendFrame(buffer.Bytes, NetworkNode.Headroom, length, frameDestination, EtherType.Arp);
        Node.Pool.Return(buffer);
    }

    public void ReceiveFrame(ReadOnlySpan<byte> frame)
    {
        if (!AdminUp)
            return;

        if (!EthernetFrameView.TryCreate(frame, out var ethernet, out _))
        {
            Counters.InputErrors++;
            Node.Drops.Count(DropReason.TruncatedFrame);
            return;
        }

        var destination = ethernet.Destination;
        if (destination != Mac && !destination.IsMulticast)
            return;

        Counters.CountInput(frame.Length);
        switch (ethernet.EtherType)
        {
            case EtherType.Ipv4:
                Node.Ipv4.Receive(this, ethernet.Payload);
                break;
            case EtherType.Arp:
                ReceiveArp(ethernet.Payload);
                break;
            default:
                Node.Drops.Count(DropReason.UnsupportedEtherType);
                break;
        }
    }

    private void ReceiveArp(ReadOnlySpan<byte> arp)
    {
        if (!ArpPacketView.TryCreate(arp, out var view, out _))
        {
            Node.Drops.Count(DropReason.MalformedArp);
            return;
        }

        var operation = view.Operation;
        var senderMac = view.SenderHardwareAddress;
        var senderAddress = view.SenderProtocolAddress;
        var targetAddress = view.TargetProtocolAddress;
        bool forUs = HasAddress && targetAddress == Address;

        // RFC 826: update an existing binding always, add a new one only if we are the target.
        if (forUs || Arp.Entries.ContainsKey(senderAddress))
            ReleaseWaiting(Arp.Learn(senderAddress, senderMac, Node.Scheduler.NowNanoseconds),
                senderMac);

        if (operation == ArpOperation.Request && forUs)
            SendArp(ArpOperation.Reply, senderMac, senderMac, senderAddress);
    }

    private void ReleaseWaiting(List<(PacketBuffer Buffer, int Offset, int Length)>? waiting,
        MacAddress mac)
    {
        if (waiting is null)
            return;

        foreach (var (buffer, offset, length) in waiting)
        {
            SendFrame(buffer.Bytes, offset, length, mac, EtherType.Ipv4);
            Node.Pool.Return(buffer);
        }
    }
}

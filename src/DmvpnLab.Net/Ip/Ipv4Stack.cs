using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Ip;

/// <summary>
/// A node's IPv4 layer (RFC 791, RFC 1812): checks what arrives, delivers what is ours
/// to the protocol above, forwards the rest by the FIB, and sends what the node
/// originates. Received packets are copied once into a pooled buffer when forwarded.
/// </summary>
public sealed class Ipv4Stack
{
    /// <summary>What IOS puts in the packets it originates.</summary>
    public const byte DefaultTimeToLive = 255;

    private readonly NetworkNode node;
    private readonly IIpv4ProtocolHandler?[] handlers = new IIpv4ProtocolHandler?[256];
    private readonly HashSet<(NetworkInterface, Ipv4Address)> joinedGroups = new();
    private ushort nextIdentification;

    public Ipv4Stack(NetworkNode node)
    {
        this.node = node;
        Icmp = new IcmpService(node, this);
        handlers[(byte)IpProtocol.Icmp] = Icmp;
    }

    public IcmpService Icmp { get; }

    /// <summary>
    /// The TTL of packets this node answers with (echo replies): 255 on IOS, 64 on a
    /// VPCS host, which is why the lab notes' ping shows ttl=62 after two routers.
    /// </summary>
    public byte OriginatedTimeToLive { get; set; } = DefaultTimeToLive;

    /// <summary>When false, the node is a host: it never forwards (VPCS).</summary>
    public bool ForwardingEnabled { get; set; } = true;

    /// <summary>Called for every packet forwarded or delivered, when set (`debug ip packet`).</summary>
    public Action<string>? PacketTrace { get; set; }

    public long PacketsForwarded { get; private set; }

    public long PacketsDelivered { get; private set; }

    public void Register(IpProtocol protocol, IIpv4ProtocolHandler handler) => handlers[(byte)protocol] = handler;

    public void JoinGroup(NetworkInterface networkInterface, Ipv4Address group) =>
        joinedGroups.Add((networkInterface, group));

    public void LeaveGroup(NetworkInterface networkInterface, Ipv4Address group) =>
        joinedGroups.Remove((networkInterface, group));

    public ushort NextIdentification() => ++nextIdentification;

    /// <summary>True while the packet being received came out of an IPsec SA.</summary>
    public bool ReceivingDecrypted { get; private set; }

    /// <summary>The tunnel peer's NBMA address while a decapsulated packet is received.</summary>
    public Ipv4Address ReceivingFromNbma { get; private set; }

    /// <summary>Receives a packet that IPsec has just decrypted (RFC 4301 5.2).</summary>
    public void ReceiveDecrypted(NetworkInterface ingress, ReadOnlySpan<byte> bytes)
    {
        bool outer = ReceivingDecrypted;
        ReceivingDecrypted = true;
        Receive(ingress, bytes);
        ReceivingDecrypted = outer;
    }

    /// <summary>Receives the inner packet of a tunnel, remembering the peer it came from.</summary>
    public void ReceiveFromTunnel(TunnelInterface tunnel, Ipv4Address nbmaSource,
        ReadOnlySpan<byte> bytes)
    {
        var outer = ReceivingFromNbma;
        ReceivingFromNbma = nbmaSource;
        Receive(tunnel, bytes);
        ReceivingFromNbma = outer;
    }

    public void Receive(NetworkInterface ingress, ReadOnlySpan<byte> bytes)
    {
        if (!TryValidate(bytes, out int totalLength))
            return;

        var packet = new Ipv4PacketView(bytes[..totalLength]);
        var destination = packet.Destination;
        if (IsForUs(ingress, destination))
        {
            Deliver(ingress, packet);
            return;
        }

        if (!ForwardingEnabled || destination.IsMulticast)
            return;

        Forward(ingress, packet);
    }

    private bool TryValidate(ReadOnlySpan<byte> bytes, out int totalLength)
    {
        if (Ipv4HeaderView.TryCreate(bytes, out var header, out var error))
        {
            totalLength = header.TotalLength;
            return true;
        }

        totalLength = 0;
        node.Drops.Count(error == WireError.BadChecksum
            ? DropReason.BadIpv4Checksum
            : DropReason.MalformedIpv4);
        return false;
    }

    private bool IsForUs(NetworkInterface ingress, Ipv4Address destination)
    {
        if (destination == Ipv4Address.Broadcast)
            return true;

        if (destination.IsMulticast)
            return joinedGroups.Contains((ingress, destination));

        return node.IsLocalAddress(destination);
    }

    private void Deliver(NetworkInterface ingress, Ipv4PacketView packet)
    {
        PacketsDelivered++;
        var handler = handlers[(byte)packet.Protocol];
        if (handler is null)
        {
            node.Drops.Count(DropReason.UnknownProtocol);
            Icmp.SendUnreachable(packet, IcmpService.UnreachableProtocol);
            return;
        }

        handler.OnReceive(ingress, packet);
    }

    private void Forward(NetworkInterface ingress, Ipv4PacketView packet)
    {
        if (packet.TimeToLive <= 1)
        {
            node.Drops.Count(DropReason.TtlExpired);
            Icmp.SendTimeExceeded(packet);
            return;
        }

        var entry = node.Fib.Lookup(packet.Destination);
        if (entry is null || entry.Kind == FibEntryKind.Receive)
        {
            node.Drops.Count(DropReason.NoRoute);
            Icmp.SendUnreachable(packet, IcmpService.UnreachableNetwork);
            return;
        }

        if (entry.Kind == FibEntryKind.Discard)
        {
            // Null0 keeps IOS's default `ip unreachables`: the sender hears host unreachable.
            node.Drops.Count(DropReason.NullRoute);
            Icmp.SendUnreachable(packet, IcmpService.UnreachableHost);
            return;
        }

        var egress = entry.Interface!;
        if (packet.TotalLength > egress.IpMtu && packet.DontFragment)
        {
            node.Drops.Count(DropReason.MtuExceeded);
            Icmp.SendFragmentationNeeded(packet, egress.IpMtu);
            return;
        }

        if (ingress == egress && ingress is TunnelInterface { Resolver: { } resolver } tunnel)
            resolver.OnHairpin(tunnel, packet.Bytes, ReceivingFromNbma);

        var buffer = node.Pool.Rent();
        var copy = buffer.Bytes.AsSpan(NetworkNode.Headroom, packet.TotalLength);
        packet.Bytes.CopyTo(copy);
        Ipv4Header.DecrementTimeToLive(copy);
        PacketsForwarded++;
        PacketTrace?.Invoke(
            $"IP: s={packet.Source} (via {ingress.Name}), d={packet.Destination} ({egress.Name}), " +
            $"len {packet.TotalLength}, forward");
        egress.TransmitIpv4(buffer, NetworkNode.Headroom, packet.TotalLength,
            entry.NextHopFor(packet.Destination));
        node.Pool.Return(buffer);
    }

    /// <summary>
    /// Originates a packet: writes the IPv4 header in front of the payload that the
    /// caller placed at <see cref="NetworkNode.Headroom"/> in <paramref name="buffer"/>,
    /// routes it by the FIB and transmits it. Returns false when there is no route.
    /// </summary>
    public bool Send(PacketBuffer buffer, int payloadLength, Ipv4Address? source,
        Ipv4Address destination, IpProtocol protocol, byte timeToLive = DefaultTimeToLive,
        byte typeOfService = 0, bool dontFragment = false)
    {
        var entry = node.Fib.Lookup(destination);
        if (entry is null)
        {
            node.Drops.Count(DropReason.NoRoute);
            return false;
        }

        if (entry.Kind == FibEntryKind.Discard)
        {
            node.Drops.Count(DropReason.NullRoute);
            return false;
        }

        if (entry.Kind == FibEntryKind.Receive)
        {
            int start = NetworkNode.Headroom - Ipv4HeaderView.MinimumHeaderLength;
            Ipv4Header.WriteHeader(buffer.Bytes.AsSpan(start), source ?? destination, destination,
                protocol, timeToLive, typeOfService, NextIdentification(), dontFragment,
                payloadLength);
            var loopback = entry.Interface ?? node.Interfaces[0];
            Receive(loopback, buffer.Bytes.AsSpan(start, Ipv4HeaderView.MinimumHeaderLength + payloadLength));
            return true;
        }

        var egress = entry.Interface!;
        var from = source ?? egress.Address;
        SendOn(egress, entry.NextHopFor(destination), buffer, payloadLength, from, destination,
            protocol, timeToLive, typeOfService, dontFragment);
        return true;
    }

    /// <summary>Sends out of a chosen interface to a chosen next hop (multicast, broadcast, hellos).</summary>
    public void SendOn(NetworkInterface egress, Ipv4Address nextHop, PacketBuffer buffer,
        int payloadLength, Ipv4Address source, Ipv4Address destination, IpProtocol protocol,
        byte timeToLive = DefaultTimeToLive, byte typeOfService = 0, bool dontFragment = false)
    {
        int start = NetworkNode.Headroom - Ipv4HeaderView.MinimumHeaderLength;
        Ipv4Header.WriteHeader(buffer.Bytes.AsSpan(start), source, destination, protocol,
            timeToLive, typeOfService, NextIdentification(), dontFragment, payloadLength);
        egress.TransmitIpv4(buffer, start, Ipv4HeaderView.MinimumHeaderLength + payloadLength, nextHop);
    }

    /// <summary>
    /// Routes a packet whose IPv4 header is already written (a tunnel's outer packet,
    /// an ESP packet). The packet sits at <paramref name="offset"/> with headroom before it.
    /// </summary>
    public bool SendBuilt(PacketBuffer buffer, int offset, int length)
    {
        var destination = Ipv4Address.Read(buffer.Bytes.AsSpan(offset + 16));
        var entry = node.Fib.Lookup(destination);
        if (entry is null || entry.Kind is FibEntryKind.Receive or FibEntryKind.Discard)
        {
            node.Drops.Count(entry is null || entry.Kind == FibEntryKind.Receive
                ? DropReason.NoRoute
                : DropReason.NullRoute);
            return false;
        }

        entry.Interface!.TransmitIpv4(buffer, offset, length, entry.NextHopFor(destination));
        return true;
    }
}

using System.Buffers.Binary;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Ip;

/// <summary>
/// ICMP (RFC 792) for a node: answers echo requests, reports errors about packets it
/// could not deliver or forward (RFC 1812 4.3.2), and lets pingers see echo replies.
/// </summary>
public sealed class IcmpService : IIpv4ProtocolHandler
{
    public const byte TypeEchoReply = 0;
    public const byte TypeDestinationUnreachable = 3;
    public const byte TypeEchoRequest = 8;
    public const byte TypeTimeExceeded = 11;
    public const byte UnreachableNetwork = 0;
    public const byte UnreachableHost = 1;
    public const byte UnreachableProtocol = 2;
    public const byte UnreachablePort = 3;
    public const byte UnreachableFragmentationNeeded = 4;

    private const int HeaderLength = 8;

    private readonly NetworkNode node;
    private readonly Ipv4Stack stack;

    public IcmpService(NetworkNode node, Ipv4Stack stack)
    {
        this.node = node;
        this.stack = stack;
    }

    /// <summary>Raised for every echo reply and ICMP error addressed to this node.</summary>
    public event Action<IcmpReceived>? Received;

    public long EchoRequestsAnswered { get; private set; }

    public void OnReceive(NetworkInterface ingress, Ipv4PacketView packet)
    {
        var icmp = packet.Payload;
        if (icmp.Length < HeaderLength || !InternetChecksum.Verify(icmp))
        {
            node.Drops.Count(DropReason.MalformedIcmp);
            return;
        }

        byte type = icmp[0];
        if (type == TypeEchoRequest)
        {
            if (!packet.Destination.IsMulticast)
                Reply(packet);
            return;
        }

        if (Received is null)
            return;

        var (quotedProtocol, identifier, sequence) = type is TypeDestinationUnreachable
            or TypeTimeExceeded
            ? QuotedTransport(icmp[HeaderLength..])
            : ((IpProtocol)0, BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]),
                BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]));
        Received.Invoke(new IcmpReceived(type, icmp[1], packet.Source, packet.TimeToLive,
            identifier, sequence, packet.TotalLength, node.Scheduler.NowNanoseconds)
        {
            QuotedProtocol = quotedProtocol,
        });
    }

    /// <summary>
    /// What an ICMP error quotes (RFC 792: the header plus 8 bytes): for an echo, its
    /// identifier and sequence; for UDP, its source and destination ports — what a
    /// pinger or a traceroute needs to match the error to its probe.
    /// </summary>
    private static (IpProtocol Protocol, ushort First, ushort Second) QuotedTransport(
        ReadOnlySpan<byte> quoted)
    {
        if (!Ipv4HeaderView.TryCreateHeaderOnly(quoted, out var header, out _) ||
            header.Payload.Length < 8)
            return (0, 0, 0);

        var transport = header.Payload;
        return header.Protocol switch
        {
            IpProtocol.Icmp => (IpProtocol.Icmp, BinaryPrimitives.ReadUInt16BigEndian(transport[4..]),
                BinaryPrimitives.ReadUInt16BigEndian(transport[6..])),
            IpProtocol.Udp => (IpProtocol.Udp, BinaryPrimitives.ReadUInt16BigEndian(transport),
                BinaryPrimitives.ReadUInt16BigEndian(transport[2..])),
            _ => (header.Protocol, 0, 0),
        };
    }

    private void Reply(Ipv4PacketView request)
    {
        var icmp = request.Payload;
        var buffer = node.Pool.Rent();
        var reply = buffer.Bytes.AsSpan(NetworkNode.Headroom, icmp.Length);
        icmp.CopyTo(reply);
        reply[0] = TypeEchoReply;
        WriteChecksum(reply);
        EchoRequestsAnswered++;
        stack.Send(buffer, icmp.Length, request.Destination, request.Source, IpProtocol.Icmp,
            stack.OriginatedTimeToLive);
        node.Pool.Return(buffer);
    }

    /// <summary>Sends an echo request with <paramref name="dataLength"/> bytes of data.</summary>
    public bool SendEchoRequest(Ipv4Address destination, ushort identifier, ushort sequence,
        int dataLength, Ipv4Address? source = null, byte timeToLive = 255)
    {
        var buffer = node.Pool.Rent();
        var icmp = buffer.Bytes.AsSpan(NetworkNode.Headroom, HeaderLength + dataLength);
        icmp[0] = TypeEchoRequest;
        icmp[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(icmp[6..], sequence);
        for (int i = 0; i < dataLength; i++)
            icmp[HeaderLength + i] = (byte)(i & 0xFF);
        WriteChecksum(icmp);
        bool sent = stack.Send(buffer, icmp.Length, source, destination, IpProtocol.Icmp,
            timeToLive);
        node.Pool.Return(buffer);
        return sent;
    }

    public void SendUnreachable(Ipv4PacketView original, byte code) =>
        SendError(original, TypeDestinationUnreachable, code, 0);

    public void SendTimeExceeded(Ipv4PacketView original) =>
        SendError(original, TypeTimeExceeded, 0, 0);

    public void SendFragmentationNeeded(Ipv4PacketView original, int nextHopMtu) =>
        SendError(original, TypeDestinationUnreachable, UnreachableFragmentationNeeded,
            (ushort)nextHopMtu);

    /// <summary>
    /// RFC 1812 4.3.2.7: never about an ICMP error, a broadcast or multicast, and
    /// quoting the original header plus the first 8 bytes of its payload.
    /// </summary>
    private void SendError(Ipv4PacketView original, byte type, byte code, ushort mtu)
    {
        if (original.Destination.IsMulticast || original.Destination == Ipv4Address.Broadcast)
            return;

        if (original.Protocol == IpProtocol.Icmp && original.Payload.Length > 0 &&
            original.Payload[0] is not (TypeEchoRequest or TypeEchoReply))
            return;

        int quoted = Math.Min(original.Bytes.Length, original.HeaderLength + 8);
        var buffer = node.Pool.Rent();
        var icmp = buffer.Bytes.AsSpan(NetworkNode.Headroom, HeaderLength + quoted);
        icmp.Clear();
        icmp[0] = type;
        icmp[1] = code;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[6..], mtu);
        original.Bytes[..quoted].CopyTo(icmp[HeaderLength..]);
        WriteChecksum(icmp);
        stack.Send(buffer, icmp.Length, null, original.Source, IpProtocol.Icmp);
        node.Pool.Return(buffer);
    }

    private static void WriteChecksum(Span<byte> icmp)
    {
        icmp[2] = 0;
        icmp[3] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], InternetChecksum.Compute(icmp));
    }
}

/// <summary>
/// An ICMP message that arrived for this node, as a pinger or traceroute sees it. For an
/// echo reply, Identifier and Sequence are the reply's; for an error they come from the
/// packet it quotes: the echo's identifier and sequence, or a UDP probe's source and
/// destination ports (<see cref="QuotedProtocol"/> says which).
/// </summary>
public readonly record struct IcmpReceived(byte Type, byte Code, Ipv4Address Source,
    byte TimeToLive, ushort Identifier, ushort Sequence, int PacketLength,
    long ReceivedAtNanoseconds)
{
    public IpProtocol QuotedProtocol { get; init; }

    public bool IsError => Type is IcmpService.TypeDestinationUnreachable
        or IcmpService.TypeTimeExceeded;
}

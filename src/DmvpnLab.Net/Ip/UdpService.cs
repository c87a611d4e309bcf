using System.Buffers.Binary;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Ip;

/// <summary>A UDP listener (ISAKMP on port 500, …).</summary>
public interface IUdpListener
{
    void OnDatagram(NetworkInterface ingress, Ipv4Address source, ushort sourcePort,
        Ipv4Address destination, ReadOnlySpan<byte> payload);
}

/// <summary>UDP (RFC 768): port demultiplexing and checksummed sending.</summary>
public sealed class UdpService : IIpv4ProtocolHandler
{
    public const int HeaderLength = 8;

    private readonly NetworkNode node;
    private readonly Dictionary<ushort, IUdpListener> listeners = new();

    public UdpService(NetworkNode node)
    {
        this.node = node;
    }

    public void Bind(ushort port, IUdpListener listener) => listeners[port] = listener;

    public void OnReceive(NetworkInterface ingress, Ipv4PacketView packet)
    {
        var udp = packet.Payload;
        if (udp.Length < HeaderLength)
        {
            node.Drops.Count(DropReason.MalformedIpv4);
            return;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        ushort checksum = BinaryPrimitives.ReadUInt16BigEndian(udp[6..]);
        if (length < HeaderLength || length > udp.Length ||
            (checksum != 0 && Checksum(packet.Source, packet.Destination, udp[..length]) != 0))
        {
            node.Drops.Count(DropReason.MalformedIpv4);
            return;
        }

        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        if (!listeners.TryGetValue(destinationPort, out var listener))
        {
            node.Drops.Count(DropReason.NoUdpListener);
            node.Ipv4.Icmp.SendUnreachable(packet, IcmpService.UnreachablePort);
            return;
        }

        listener.OnDatagram(ingress, packet.Source, BinaryPrimitives.ReadUInt16BigEndian(udp),
            packet.Destination, udp[HeaderLength..length]);
    }

    /// <summary>Sends a datagram; the payload is copied behind a UDP header.</summary>
    public bool Send(Ipv4Address source, ushort sourcePort, Ipv4Address destination,
        ushort destinationPort, ReadOnlySpan<byte> payload, byte timeToLive = 255)
    {
        var buffer = node.Pool.Rent();
        int length = HeaderLength + payload.Length;
        var udp = buffer.Bytes.AsSpan(NetworkNode.Headroom, length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], 0);
        payload.CopyTo(udp[HeaderLength..]);
        ushort checksum = Checksum(source, destination, udp);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], checksum == 0 ? (ushort)0xFFFF : checksum);
        bool sent = node.Ipv4.Send(buffer, length, source, destination, IpProtocol.Udp,
            timeToLive);
        node.Pool.Return(buffer);
        return sent;
    }

    private static ushort Checksum(Ipv4Address source, Ipv4Address destination,
        ReadOnlySpan<byte> udp)
    {
        var sum = new InternetChecksum();
        sum.AddIpv4PseudoHeader(source, destination, (byte)IpProtocol.Udp, (ushort)udp.Length);
        sum.Add(udp);
        return sum.Finish();
    }
}

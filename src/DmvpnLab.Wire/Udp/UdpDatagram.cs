using System.Buffers.Binary;

namespace DmvpnLab.Wire.Udp;

/// <summary>
/// A UDP datagram (layout in <see cref="UdpDatagramView"/>) as plain values, and the
/// allocation-free writers the forwarding path uses.
/// </summary>
public sealed class UdpDatagram
{
    /// <summary>The IPv4 protocol number of UDP, for the pseudo-header.</summary>
    public const byte ProtocolNumber = 17;

    /// <summary>Source port.</summary>
    public ushort SourcePort { get; set; }

    /// <summary>Destination port.</summary>
    public ushort DestinationPort { get; set; }

    /// <summary>The data.</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>8 plus the data.</summary>
    public int Length => UdpDatagramView.HeaderLength + Payload.Length;

    /// <summary>Parses a datagram, the checksum verified against the pseudo-header.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> datagram,
        Ipv4Address source,
        Ipv4Address destination,
        out UdpDatagram? value,
        out WireError error)
    {
        value = null;
        if (!UdpDatagramView.TryCreate(datagram, source, destination, out var view, out error))
        {
            return false;
        }

        value = FromView(view);
        return true;
    }

    /// <summary>Parses a datagram without checking the checksum.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> datagram, out UdpDatagram? value, out WireError error)
    {
        value = null;
        if (!UdpDatagramView.TryCreate(datagram, out var view, out error))
        {
            return false;
        }

        value = FromView(view);
        return true;
    }

    /// <summary>
    /// Writes the datagram with a zero checksum ("none", allowed for UDP over IPv4 by
    /// RFC 768); returns <see cref="Length"/>.
    /// </summary>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        WriteHeader(destination, SourcePort, DestinationPort, Payload.Length);
        Payload.CopyTo(destination[UdpDatagramView.HeaderLength..]);
        return length;
    }

    /// <summary>Writes the datagram with its pseudo-header checksum.</summary>
    public int Emit(Span<byte> destination, Ipv4Address sourceAddress, Ipv4Address targetAddress)
    {
        int length = Emit(destination);
        WriteChecksum(destination[..length], sourceAddress, targetAddress);
        return length;
    }

    /// <summary>Writes a header with a zero checksum for <paramref name="payloadLength"/>
    /// bytes of data; returns 8.</summary>
    public static int WriteHeader(
        Span<byte> datagram, ushort sourcePort, ushort destinationPort, int payloadLength)
    {
        int length = UdpDatagramView.HeaderLength + payloadLength;
        if ((uint)length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength));
        }

        _ = datagram[UdpDatagramView.HeaderLength - 1];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[4..], (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(datagram[6..], 0);
        return UdpDatagramView.HeaderLength;
    }

    /// <summary>
    /// Computes the checksum of a complete datagram (header and data in place) and stores it;
    /// a computed zero is stored as 0xFFFF (RFC 768).
    /// </summary>
    public static void WriteChecksum(Span<byte> datagram, Ipv4Address source, Ipv4Address target)
    {
        BinaryPrimitives.WriteUInt16BigEndian(datagram[6..], 0);
        var sum = new InternetChecksum();
        sum.AddIpv4PseudoHeader(source, target, ProtocolNumber, datagram.Length);
        sum.Add(datagram);
        ushort checksum = sum.Finish();
        ushort carried = checksum == 0 ? (ushort)0xFFFF : checksum;
        BinaryPrimitives.WriteUInt16BigEndian(datagram[6..], carried);
    }

    private static UdpDatagram FromView(UdpDatagramView view) => new()
    {
        SourcePort = view.SourcePort,
        DestinationPort = view.DestinationPort,
        Payload = view.Payload.ToArray(),
    };
}

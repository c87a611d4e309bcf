using System.Buffers.Binary;

namespace DmvpnLab.Wire.Udp;

// UDP, RFC 768.
//
//    0      7 8     15 16    23 24    31
//   +--------+--------+--------+--------+
//   |   source port   |   dest port     |
//   +--------+--------+--------+--------+
//   |     length      |    checksum     |
//   +--------+--------+--------+--------+
//   |          data octets ...
//   +-----------------------------------
//
// Length counts header and data. The checksum covers an IPv4 pseudo-header (source,
// destination, zero, protocol 17, UDP length), the header and the data; zero means the
// sender computed none, and a computed zero is sent as 0xFFFF.

/// <summary>
/// A checked view of a UDP datagram: the length field is at least 8 and fits in the bytes
/// given (anything after it, such as link padding, is cut off).
/// </summary>
public readonly ref struct UdpDatagramView
{
    /// <summary>Bytes of the header.</summary>
    public const int HeaderLength = 8;

    private readonly ReadOnlySpan<byte> bytes;

    private UdpDatagramView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>Checks the lengths without the checksum (it needs the IP addresses).</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> datagram, out UdpDatagramView view, out WireError error)
    {
        view = default;
        if (datagram.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[4..]);
        if (length < HeaderLength)
        {
            error = WireError.BadLength;
            return false;
        }

        if (length > datagram.Length)
        {
            error = WireError.Truncated;
            return false;
        }

        view = new UdpDatagramView(datagram[..length]);
        error = WireError.None;
        return true;
    }

    /// <summary>Checks the lengths and the checksum against the IPv4 pseudo-header.</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> datagram,
        Ipv4Address source,
        Ipv4Address destination,
        out UdpDatagramView view,
        out WireError error)
    {
        if (!TryCreate(datagram, out view, out error))
        {
            return false;
        }

        if (!view.IsChecksumValid(source, destination))
        {
            view = default;
            error = WireError.BadChecksum;
            return false;
        }

        return true;
    }

    /// <summary>The datagram, exactly length-field bytes.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Source port.</summary>
    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(bytes);

    /// <summary>Destination port.</summary>
    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);

    /// <summary>The length field: header plus data.</summary>
    public int Length => BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);

    /// <summary>The checksum as carried; 0 means none.</summary>
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);

    /// <summary>The data.</summary>
    public ReadOnlySpan<byte> Payload => bytes[HeaderLength..];

    /// <summary>True when the checksum is absent (zero) or verifies.</summary>
    public bool IsChecksumValid(Ipv4Address source, Ipv4Address destination)
    {
        if (Checksum == 0)
        {
            return true;
        }

        var sum = new InternetChecksum();
        sum.AddIpv4PseudoHeader(source, destination, UdpDatagram.ProtocolNumber, bytes.Length);
        sum.Add(bytes);
        return sum.Finish() == 0;
    }
}

using System.Buffers.Binary;

namespace DmvpnLab.Wire.Ipv4;

// IPv4 header, RFC 791 section 3.1.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-------+-------+---------------+-------------------------------+
//   |version|  IHL  |  type of svc  |         total length          |
//   +-------+-------+---------------+-----+-------------------------+
//   |        identification         |0|D|M|    fragment offset      |
//   +---------------+---------------+-----+-------------------------+
//   | time to live  |   protocol    |        header checksum        |
//   +---------------+---------------+-------------------------------+
//   |                        source address                         |
//   +---------------------------------------------------------------+
//   |                      destination address                      |
//   +---------------------------------------------------------------+
//   |              options (IHL > 5), padded to 32 bits             |
//   +---------------------------------------------------------------+
//
// IHL counts 32-bit words (5..15); total length counts the header and the data in bytes;
// the fragment offset counts 8-byte units. The header checksum is the RFC 1071 checksum of
// the header alone.

/// <summary>
/// A checked view of an IPv4 packet: version 4, a header length of at least 20 bytes that
/// fits, a total length that fits in the bytes given (link padding after it is allowed) and a
/// header checksum that verifies.
/// </summary>
public readonly ref struct Ipv4HeaderView
{
    /// <summary>Bytes of a header without options.</summary>
    public const int MinimumHeaderLength = 20;

    /// <summary>Bytes of a header with the most options (IHL 15).</summary>
    public const int MaximumHeaderLength = 60;

    private const int TypeOfServiceOffset = 1;
    private const int TotalLengthOffset = 2;
    private const int IdentificationOffset = 4;
    private const int FlagsOffset = 6;
    private const int TimeToLiveOffset = 8;
    private const int ProtocolOffset = 9;
    private const int ChecksumOffset = 10;
    private const int SourceOffset = 12;
    private const int DestinationOffset = 16;

    private readonly ReadOnlySpan<byte> bytes;

    private Ipv4HeaderView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>
    /// Checks a whole packet. The view covers exactly total-length bytes, so Ethernet padding
    /// after the packet is cut off.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> packet, out Ipv4HeaderView view, out WireError error)
    {
        if (!TryCreateHeaderOnly(packet, out view, out error))
        {
            return false;
        }

        int totalLength = view.TotalLength;
        if (totalLength < view.HeaderLength)
        {
            view = default;
            error = WireError.BadLength;
            return false;
        }

        if (totalLength > packet.Length)
        {
            view = default;
            error = WireError.Truncated;
            return false;
        }

        if (!InternetChecksum.Verify(packet[..view.HeaderLength]))
        {
            view = default;
            error = WireError.BadChecksum;
            return false;
        }

        view = new Ipv4HeaderView(packet[..totalLength]);
        return true;
    }

    /// <summary>
    /// Checks only the version and that the header (options included) fits: for the original
    /// header an ICMP error quotes, whose data is cut to 8 bytes and whose checksum may have
    /// been changed by routers on the way. Payload then means the bytes after the header.
    /// </summary>
    public static bool TryCreateHeaderOnly(
        ReadOnlySpan<byte> packet, out Ipv4HeaderView view, out WireError error)
    {
        view = default;
        if (packet.Length < MinimumHeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        if (packet[0] >> 4 != 4)
        {
            error = WireError.BadVersion;
            return false;
        }

        int headerLength = (packet[0] & 0x0F) * 4;
        if (headerLength < MinimumHeaderLength)
        {
            error = WireError.BadLength;
            return false;
        }

        if (headerLength > packet.Length)
        {
            error = WireError.Truncated;
            return false;
        }

        view = new Ipv4HeaderView(packet);
        error = WireError.None;
        return true;
    }

    /// <summary>The packet (exactly total-length bytes after <see cref="TryCreate"/>).</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The version nibble, always 4 here.</summary>
    public int Version => bytes[0] >> 4;

    /// <summary>Header length in bytes, options included (IHL × 4).</summary>
    public int HeaderLength => (bytes[0] & 0x0F) * 4;

    /// <summary>The type-of-service octet (DSCP and ECN, RFC 2474 and RFC 3168).</summary>
    public byte TypeOfService => bytes[TypeOfServiceOffset];

    /// <summary>The total length field in bytes.</summary>
    public int TotalLength => BinaryPrimitives.ReadUInt16BigEndian(bytes[TotalLengthOffset..]);

    /// <summary>The identification field.</summary>
    public ushort Identification =>
        BinaryPrimitives.ReadUInt16BigEndian(bytes[IdentificationOffset..]);

    /// <summary>The reserved flag bit (RFC 791 says zero; RFC 3514 jokes otherwise).</summary>
    public bool ReservedFlag => (bytes[FlagsOffset] & 0x80) != 0;

    /// <summary>The don't-fragment flag.</summary>
    public bool DontFragment => (bytes[FlagsOffset] & 0x40) != 0;

    /// <summary>The more-fragments flag.</summary>
    public bool MoreFragments => (bytes[FlagsOffset] & 0x20) != 0;

    /// <summary>The fragment offset in 8-byte units.</summary>
    public int FragmentOffset =>
        BinaryPrimitives.ReadUInt16BigEndian(bytes[FlagsOffset..]) & 0x1FFF;

    /// <summary>True for any fragment but a whole packet (MF set or offset non-zero).</summary>
    public bool IsFragment => MoreFragments || FragmentOffset != 0;

    /// <summary>Time to live.</summary>
    public byte TimeToLive => bytes[TimeToLiveOffset];

    /// <summary>The protocol of the payload.</summary>
    public IpProtocol Protocol => (IpProtocol)bytes[ProtocolOffset];

    /// <summary>The header checksum as carried.</summary>
    public ushort HeaderChecksum => BinaryPrimitives.ReadUInt16BigEndian(bytes[ChecksumOffset..]);

    /// <summary>True when the header checksum verifies.</summary>
    public bool IsChecksumValid => InternetChecksum.Verify(Header);

    /// <summary>Source address.</summary>
    public Ipv4Address Source => Ipv4Address.Read(bytes[SourceOffset..]);

    /// <summary>Destination address.</summary>
    public Ipv4Address Destination => Ipv4Address.Read(bytes[DestinationOffset..]);

    /// <summary>The header, options included.</summary>
    public ReadOnlySpan<byte> Header => bytes[..HeaderLength];

    /// <summary>The raw options, padding included (empty when IHL is 5).</summary>
    public ReadOnlySpan<byte> Options => bytes[MinimumHeaderLength..HeaderLength];

    /// <summary>The data after the header.</summary>
    public ReadOnlySpan<byte> Payload => bytes[HeaderLength..];
}

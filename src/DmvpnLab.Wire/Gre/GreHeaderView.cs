using System.Buffers.Binary;

namespace DmvpnLab.Wire.Gre;

// GRE, RFC 2784 section 2 with the key and sequence extensions of RFC 2890 section 2.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-----------------------+-----+-------------------------------+
//   |C|R|K|S|   reserved0           | ver |        protocol type          |
//   +-+-+-+-+-----------------------+-----+-------------------------------+
//   |      checksum (if C)          |       reserved1 (if C)              |
//   +-------------------------------+-------------------------------------+
//   |                          key (if K)                                 |
//   +---------------------------------------------------------------------+
//   |                   sequence number (if S)                            |
//   +---------------------------------------------------------------------+
//
// R (routing, RFC 1701) and bit 4 (strict source route) belong to the older RFC 1701 format;
// RFC 2784 section 2.3 has a receiver discard packets with bits 1..5 set unless it implements
// RFC 1701, which we do not. The version must be 0 (1 is PPTP's enhanced GRE). The checksum
// covers the GRE header and the payload.

/// <summary>
/// A checked view of a GRE packet (header and payload): version 0, no RFC 1701 routing, the
/// optional fields present, and the checksum verified when C is set.
/// </summary>
public readonly ref struct GreHeaderView
{
    /// <summary>Bytes of the header without optional fields.</summary>
    public const int MinimumHeaderLength = 4;

    internal const ushort ChecksumFlag = 0x8000;
    internal const ushort RoutingFlag = 0x4000;
    internal const ushort KeyFlag = 0x2000;
    internal const ushort SequenceFlag = 0x1000;
    internal const ushort StrictSourceRouteFlag = 0x0800;
    internal const ushort VersionMask = 0x0007;

    private readonly ReadOnlySpan<byte> bytes;

    private GreHeaderView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>Checks a GRE packet: the span is the whole IP payload.</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> packet, out GreHeaderView view, out WireError error)
    {
        view = default;
        if (packet.Length < MinimumHeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(packet);
        if ((flags & VersionMask) != 0)
        {
            error = WireError.BadVersion;
            return false;
        }

        if ((flags & (RoutingFlag | StrictSourceRouteFlag)) != 0)
        {
            error = WireError.UnsupportedType;
            return false;
        }

        if (packet.Length < HeaderLengthFor(flags))
        {
            error = WireError.Truncated;
            return false;
        }

        if ((flags & ChecksumFlag) != 0 && !InternetChecksum.Verify(packet))
        {
            error = WireError.BadChecksum;
            return false;
        }

        view = new GreHeaderView(packet);
        error = WireError.None;
        return true;
    }

    /// <summary>The header length the flags imply: 4, plus 4 for each of C, K and S.</summary>
    public static int HeaderLengthFor(ushort flags) => MinimumHeaderLength
        + ((flags & ChecksumFlag) != 0 ? 4 : 0)
        + ((flags & KeyFlag) != 0 ? 4 : 0)
        + ((flags & SequenceFlag) != 0 ? 4 : 0);

    /// <summary>The whole GRE packet.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The first 16 bits: flags, reserved0 and version.</summary>
    public ushort FlagsAndVersion => BinaryPrimitives.ReadUInt16BigEndian(bytes);

    /// <summary>C: a checksum field is present.</summary>
    public bool ChecksumPresent => (FlagsAndVersion & ChecksumFlag) != 0;

    /// <summary>K: a key field is present.</summary>
    public bool KeyPresent => (FlagsAndVersion & KeyFlag) != 0;

    /// <summary>S: a sequence number field is present.</summary>
    public bool SequencePresent => (FlagsAndVersion & SequenceFlag) != 0;

    /// <summary>The protocol type of the payload.</summary>
    public GreProtocolType ProtocolType =>
        (GreProtocolType)BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);

    /// <summary>The checksum field, 0 when absent.</summary>
    public ushort Checksum =>
        ChecksumPresent ? BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]) : (ushort)0;

    /// <summary>The reserved1 field after the checksum, 0 when absent.</summary>
    public ushort Reserved1 =>
        ChecksumPresent ? BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]) : (ushort)0;

    /// <summary>The key (IOS's "tunnel key"), 0 when absent.</summary>
    public uint Key => KeyPresent ? BinaryPrimitives.ReadUInt32BigEndian(bytes[KeyOffset..]) : 0;

    /// <summary>The sequence number, 0 when absent.</summary>
    public uint SequenceNumber => SequencePresent
        ? BinaryPrimitives.ReadUInt32BigEndian(bytes[(KeyOffset + (KeyPresent ? 4 : 0))..])
        : 0;

    /// <summary>Header bytes, optional fields included.</summary>
    public int HeaderLength => HeaderLengthFor(FlagsAndVersion);

    /// <summary>The encapsulated packet.</summary>
    public ReadOnlySpan<byte> Payload => bytes[HeaderLength..];

    private int KeyOffset => ChecksumPresent ? 8 : 4;
}

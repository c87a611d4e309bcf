// RFC 2332 5.1 (fixed header) and 5.2.0.1 (mandatory part's common header):
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |            ar$afn             |          ar$pro.type          |  0
//  |                  ar$pro.snap (5 bytes) ...                    |  4
//  |  ... snap     |   ar$hopcnt   |            ar$pktsz           |  8
//  |           ar$chksum           |            ar$extoff          | 12
//  | ar$op.version |  ar$op.type   |    ar$shtl    |    ar$sstl    | 16
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Src Proto Len | Dst Proto Len |             Flags             | 20
//  |                          Request ID                           | 24
//  | Source NBMA Address (shtl) | Source NBMA Subaddress (sstl)    | 28
//  | Source Protocol Address | Destination Protocol Address        |
//  | ... CIEs (or, for types 7 and 8, an enclosed packet) ...      |
//  | ... extensions from ar$extoff to ar$pktsz ...                 |
//
// Error Indication (5.2.7) reuses Flags as "unused" and splits Request ID into Error Code
// and Error Offset; Cisco's Traffic Indication leaves those six bytes zero. The byte at 18,
// 19 and the client fields of a CIE pack a type bit (0x40 = E.164) and a 6-bit length.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// A checked read-only view of one NHRP packet: the hot path peeks at the type, hop count,
/// request ID and addresses through it without allocating. Creating it checks that the
/// fixed header, ar$pktsz, the mandatory addresses and ar$extoff fit the buffer; it does
/// not verify the checksum (see <see cref="HasValidChecksum"/>).
/// </summary>
public readonly ref struct NhrpView
{
    /// <summary>Bytes of the fixed header (RFC 2332 5.1).</summary>
    public const int FixedHeaderLength = 20;

    /// <summary>Bytes from the fixed header's start to the source NBMA address.</summary>
    public const int MinimumLength = 28;

    /// <summary>The only ar$op.version RFC 2332 defines.</summary>
    public const byte Version1 = 1;

    internal const int AddressFamilyOffset = 0;
    internal const int ProtocolTypeOffset = 2;
    internal const int ProtocolSnapOffset = 4;
    internal const int ProtocolSnapLength = 5;
    internal const int HopCountOffset = 9;
    internal const int PacketSizeOffset = 10;
    internal const int ChecksumOffset = 12;
    internal const int ExtensionOffsetOffset = 14;
    internal const int VersionOffset = 16;
    internal const int TypeOffset = 17;
    internal const int SourceNbmaTypeLengthOffset = 18;
    internal const int SourceNbmaSubaddressTypeLengthOffset = 19;
    internal const int SourceProtocolLengthOffset = 20;
    internal const int DestinationProtocolLengthOffset = 21;
    internal const int FlagsOffset = 22;
    internal const int RequestIdOffset = 24;
    internal const int ErrorCodeOffset = 24;
    internal const int ErrorOffsetOffset = 26;
    internal const int SourceNbmaAddressOffset = 28;

    /// <summary>Mask of the length in a type-and-length byte.</summary>
    internal const byte AddressLengthMask = 0x3F;

    private readonly ReadOnlySpan<byte> packet;

    private NhrpView(ReadOnlySpan<byte> packet) => this.packet = packet;

    /// <summary>
    /// Checks the lengths and creates the view over the first ar$pktsz bytes of
    /// <paramref name="buffer"/> (a link may pad after them).
    /// </summary>
    public static bool TryCreate(ReadOnlySpan<byte> buffer, out NhrpView view, out WireError error)
    {
        bool ok = TryCreate(buffer, out view, out NhrpDropReason reason);
        error = reason.ToWireError();
        return ok;
    }

    /// <summary>As the other overload, with the fine drop reason.</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> buffer, out NhrpView view, out NhrpDropReason reason)
    {
        view = default;
        if (buffer.Length < FixedHeaderLength)
        {
            reason = NhrpDropReason.Truncated;
            return false;
        }

        int packetSize = BinaryPrimitives.ReadUInt16BigEndian(buffer[PacketSizeOffset..]);
        if (packetSize < MinimumLength)
        {
            reason = NhrpDropReason.PacketSizeTooSmall;
            return false;
        }

        if (packetSize > buffer.Length)
        {
            reason = NhrpDropReason.PacketSizeExceedsBuffer;
            return false;
        }

        var candidate = new NhrpView(buffer[..packetSize]);
        if (candidate.AddressesEnd > packetSize)
        {
            reason = NhrpDropReason.AddressesOverrun;
            return false;
        }

        int extensionOffset = candidate.ExtensionOffset;
        if (extensionOffset != 0
            && (extensionOffset < candidate.AddressesEnd || extensionOffset > packetSize))
        {
            reason = NhrpDropReason.ExtensionOffsetOutOfRange;
            return false;
        }

        view = candidate;
        reason = NhrpDropReason.None;
        return true;
    }

    /// <summary>The packet's ar$pktsz bytes.</summary>
    public ReadOnlySpan<byte> Bytes => packet;

    /// <summary>ar$afn: the NBMA address family (1 = IPv4).</summary>
    public ushort AddressFamily => ReadUInt16(AddressFamilyOffset);

    /// <summary>ar$pro.type: the protocol (0x0800 = IPv4).</summary>
    public ushort ProtocolType => ReadUInt16(ProtocolTypeOffset);

    /// <summary>ar$pro.snap: five bytes, zero unless ar$pro.type is 0x0080.</summary>
    public ReadOnlySpan<byte> ProtocolSnap => packet.Slice(ProtocolSnapOffset, ProtocolSnapLength);

    /// <summary>ar$hopcnt.</summary>
    public byte HopCount => packet[HopCountOffset];

    /// <summary>ar$pktsz: bytes of the whole NHRP packet.</summary>
    public int PacketSize => ReadUInt16(PacketSizeOffset);

    /// <summary>ar$chksum.</summary>
    public ushort Checksum => ReadUInt16(ChecksumOffset);

    /// <summary>ar$extoff: where the extensions start, 0 when there are none.</summary>
    public int ExtensionOffset => ReadUInt16(ExtensionOffsetOffset);

    /// <summary>ar$op.version.</summary>
    public byte Version => packet[VersionOffset];

    /// <summary>ar$op.type.</summary>
    public NhrpPacketType Type => (NhrpPacketType)packet[TypeOffset];

    /// <summary>The type bits of ar$shtl.</summary>
    public NhrpAddressType SourceNbmaAddressType => TypeBits(SourceNbmaTypeLengthOffset);

    /// <summary>The type bits of ar$sstl.</summary>
    public NhrpAddressType SourceNbmaSubaddressType =>
        TypeBits(SourceNbmaSubaddressTypeLengthOffset);

    /// <summary>Flags (types 1 to 6; the traffic code of type 8).</summary>
    public ushort Flags => ReadUInt16(FlagsOffset);

    /// <summary>Request ID (types 1 to 6).</summary>
    public uint RequestId => BinaryPrimitives.ReadUInt32BigEndian(packet[RequestIdOffset..]);

    /// <summary>Error Code of an Error Indication.</summary>
    public NhrpErrorCode ErrorCode => (NhrpErrorCode)ReadUInt16(ErrorCodeOffset);

    /// <summary>Error Offset of an Error Indication.</summary>
    public ushort ErrorOffset => ReadUInt16(ErrorOffsetOffset);

    /// <summary>Source NBMA Address.</summary>
    public ReadOnlySpan<byte> SourceNbmaAddress =>
        packet.Slice(SourceNbmaAddressOffset, SourceNbmaLength);

    /// <summary>Source NBMA Subaddress.</summary>
    public ReadOnlySpan<byte> SourceNbmaSubaddress =>
        packet.Slice(SourceNbmaSubaddressOffset, SourceNbmaSubaddressLength);

    /// <summary>Source Protocol Address.</summary>
    public ReadOnlySpan<byte> SourceProtocolAddress =>
        packet.Slice(SourceProtocolAddressOffset, packet[SourceProtocolLengthOffset]);

    /// <summary>Destination Protocol Address.</summary>
    public ReadOnlySpan<byte> DestinationProtocolAddress =>
        packet.Slice(DestinationProtocolAddressOffset, packet[DestinationProtocolLengthOffset]);

    /// <summary>
    /// The rest of the mandatory part: CIEs for types 1 to 6, the enclosed packet for 7 and 8.
    /// </summary>
    public ReadOnlySpan<byte> MandatoryTail => packet[AddressesEnd..MandatoryEnd];

    /// <summary>The extensions area, empty when ar$extoff is 0.</summary>
    public ReadOnlySpan<byte> Extensions => packet[MandatoryEnd..];

    /// <summary>Offset of <see cref="MandatoryTail"/> in the packet.</summary>
    public int AddressesEnd =>
        DestinationProtocolAddressOffset + packet[DestinationProtocolLengthOffset];

    /// <summary>Where the mandatory part ends: ar$extoff, or ar$pktsz without extensions.</summary>
    public int MandatoryEnd => ExtensionOffset == 0 ? packet.Length : ExtensionOffset;

    /// <summary>True when the RFC 1071 sum over the packet and checksum is all ones.</summary>
    public bool HasValidChecksum() => InternetChecksum.Verify(packet);

    private int SourceNbmaLength => packet[SourceNbmaTypeLengthOffset] & AddressLengthMask;

    private int SourceNbmaSubaddressLength =>
        packet[SourceNbmaSubaddressTypeLengthOffset] & AddressLengthMask;

    private int SourceNbmaSubaddressOffset => SourceNbmaAddressOffset + SourceNbmaLength;

    private int SourceProtocolAddressOffset =>
        SourceNbmaSubaddressOffset + SourceNbmaSubaddressLength;

    private int DestinationProtocolAddressOffset =>
        SourceProtocolAddressOffset + packet[SourceProtocolLengthOffset];

    private ushort ReadUInt16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);

    private NhrpAddressType TypeBits(int offset) =>
        (NhrpAddressType)(packet[offset] & ~AddressLengthMask);
}

// RFC 2332 5 (packet format): a fixed header (5.1), a mandatory part (5.2) whose layout
// depends on ar$op.type, and extensions (5.3) from ar$extoff to ar$pktsz. The checksum
// is the RFC 1071 sum over the whole packet (5.1, ar$chksum). See NhrpView.cs for the
// header diagram and NhrpMandatoryPart.cs for the per-type differences.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// One NHRP packet as the control plane handles it. <see cref="TryParse(ReadOnlySpan{byte},
/// out NhrpPacket?, out WireError)"/> never throws on input; <see cref="Emit"/> computes
/// ar$pktsz, ar$extoff, the address lengths and the checksum. Unknown message types,
/// extension types and reserved bits come back out byte for byte.
/// </summary>
public sealed class NhrpPacket
{
    /// <summary>The hop count IOS starts with.</summary>
    public const byte DefaultHopCount = 255;

    /// <summary>ar$afn: NBMA address family (1 = IPv4).</summary>
    public ushort AddressFamily { get; set; } = NhrpAddress.AddressFamilyIpv4;

    /// <summary>ar$pro.type (0x0800 = IPv4).</summary>
    public ushort ProtocolType { get; set; } = NhrpAddress.ProtocolTypeIpv4;

    /// <summary>ar$pro.snap as a 40-bit number; zero unless ar$pro.type is 0x0080.</summary>
    public ulong ProtocolSnap { get; set; }

    /// <summary>ar$hopcnt.</summary>
    public byte HopCount { get; set; } = DefaultHopCount;

    /// <summary>ar$op.version.</summary>
    public byte Version { get; set; } = NhrpView.Version1;

    /// <summary>ar$op.type.</summary>
    public NhrpPacketType Type { get; set; }

    /// <summary>Type bits of ar$shtl.</summary>
    public NhrpAddressType SourceNbmaAddressType { get; set; }

    /// <summary>Type bits of ar$sstl.</summary>
    public NhrpAddressType SourceNbmaSubaddressType { get; set; }

    /// <summary>The mandatory part's head, addresses and (types 7, 8) enclosed packet.</summary>
    public NhrpMandatoryPart Mandatory { get; set; } = new();

    /// <summary>The CIEs of types 1 to 6.</summary>
    public List<NhrpClientInformationEntry> ClientInformationEntries { get; set; } = [];

    /// <summary>The extensions in wire order, End included when present.</summary>
    public List<NhrpExtension> Extensions { get; set; } = [];

    /// <summary>True for the types whose mandatory part ends in CIEs (1 to 6).</summary>
    public static bool CarriesCies(NhrpPacketType type) =>
        type is >= NhrpPacketType.ResolutionRequest and <= NhrpPacketType.PurgeReply;

    /// <summary>Offset of the extensions when the packet is emitted.</summary>
    public int ExtensionOffset =>
        NhrpView.FixedHeaderLength + Mandatory.Length + CiesLength;

    /// <summary>ar$pktsz: bytes of the emitted packet.</summary>
    public int Length
    {
        get
        {
            int length = ExtensionOffset;
            foreach (var extension in Extensions)
            {
                length += extension.Length;
            }

            return length;
        }
    }

    private int CiesLength
    {
        get
        {
            int length = 0;
            foreach (var entry in ClientInformationEntries)
            {
                length += entry.Length;
            }

            return length;
        }
    }

    /// <summary>The first extension of <paramref name="type"/>, or null.</summary>
    public NhrpExtension? FindExtension(NhrpExtensionType type)
    {
        foreach (var extension in Extensions)
        {
            if (extension.Type == type)
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>Parses the first ar$pktsz bytes of <paramref name="buffer"/>.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> buffer, out NhrpPacket? packet, out WireError error)
    {
        bool ok = TryParse(buffer, out packet, out NhrpDropReason reason, out _);
        error = reason.ToWireError();
        return ok;
    }

    /// <summary>
    /// Parses with the fine reason and the offset in the packet where parsing stopped (the
    /// Error Offset an Error Indication reports). On
    /// <see cref="NhrpDropReason.UnknownCompulsoryExtension"/> it returns false and still
    /// sets <paramref name="packet"/>, the offset being that extension's.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> buffer,
        out NhrpPacket? packet,
        out NhrpDropReason reason,
        out int errorOffset)
    {
        packet = null;
        errorOffset = 0;
        if (!NhrpView.TryCreate(buffer, out var view, out reason))
        {
            return false;
        }

        if (view.Version != NhrpView.Version1)
        {
            errorOffset = NhrpView.VersionOffset;
            reason = NhrpDropReason.UnsupportedVersion;
            return false;
        }

        if (!view.HasValidChecksum())
        {
            errorOffset = NhrpView.ChecksumOffset;
            reason = NhrpDropReason.BadChecksum;
            return false;
        }

        bool nbmaIsIpv4 = view.AddressFamily == NhrpAddress.AddressFamilyIpv4;
        bool protocolIsIpv4 = view.ProtocolType == NhrpAddress.ProtocolTypeIpv4;
        if (!NhrpAddress.IsValidLength(nbmaIsIpv4, view.SourceNbmaAddress.Length)
            || !NhrpAddress.IsValidLength(protocolIsIpv4, view.SourceProtocolAddress.Length)
            || !NhrpAddress.IsValidLength(protocolIsIpv4, view.DestinationProtocolAddress.Length))
        {
            errorOffset = NhrpView.SourceProtocolLengthOffset;
            reason = NhrpDropReason.AddressLengthInvalid;
            return false;
        }

        var parsed = FromView(view);
        if (CarriesCies(view.Type))
        {
            if (!NhrpClientInformationEntry.TryParseList(view.MandatoryTail, nbmaIsIpv4,
                    protocolIsIpv4, parsed.ClientInformationEntries, out reason))
            {
                errorOffset = view.AddressesEnd;
                return false;
            }
        }
        else
        {
            parsed.Mandatory.EnclosedPacket = view.MandatoryTail.ToArray();
        }

        var extensions = new NhrpExtensionReader(nbmaIsIpv4, protocolIsIpv4);
        if (!extensions.TryRead(view.Extensions, view.MandatoryEnd, parsed.Extensions,
                out reason, out errorOffset))
        {
            if (reason == NhrpDropReason.UnknownCompulsoryExtension)
            {
                packet = parsed;
            }

            return false;
        }

        packet = parsed;
        return true;
    }

    /// <summary>
    /// Writes the packet with its lengths, extension offset and checksum; returns
    /// <see cref="Length"/>.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The span is too short, or a field cannot be represented (an address over 63 bytes,
    /// a packet over 65535 bytes): the caller's bug, not a peer's.
    /// </exception>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        if (length > ushort.MaxValue || destination.Length < length)
        {
            throw new ArgumentException($"cannot emit an NHRP packet of {length} bytes here");
        }

        var packet = destination[..length];
        WriteHeader(packet, length);
        int offset = WriteMandatoryHead(packet);
        foreach (var entry in ClientInformationEntries)
        {
            offset += entry.Emit(packet[offset..]);
        }

        NhrpClientInformationEntry.Put(packet, ref offset, Mandatory.EnclosedPacket);
        foreach (var extension in Extensions)
        {
            offset += extension.Emit(packet[offset..]);
        }

        ushort checksum = InternetChecksum.Compute(packet);
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.ChecksumOffset..], checksum);
        return length;
    }

    private static NhrpPacket FromView(NhrpView view)
    {
        Span<byte> snap = stackalloc byte[8];
        snap.Clear();
        view.ProtocolSnap.CopyTo(snap[3..]);
        return new NhrpPacket
        {
            AddressFamily = view.AddressFamily,
            ProtocolType = view.ProtocolType,
            ProtocolSnap = BinaryPrimitives.ReadUInt64BigEndian(snap),
            HopCount = view.HopCount,
            Version = view.Version,
            Type = view.Type,
            SourceNbmaAddressType = view.SourceNbmaAddressType,
            SourceNbmaSubaddressType = view.SourceNbmaSubaddressType,
            Mandatory = new NhrpMandatoryPart
            {
                Flags = view.Flags,
                RequestId = view.RequestId,
                SourceNbmaAddress = view.SourceNbmaAddress.ToArray(),
                SourceNbmaSubaddress = view.SourceNbmaSubaddress.ToArray(),
                SourceProtocolAddress = view.SourceProtocolAddress.ToArray(),
                DestinationProtocolAddress = view.DestinationProtocolAddress.ToArray(),
            },
        };
    }

    private void WriteHeader(Span<byte> packet, int length)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.AddressFamilyOffset..],
            AddressFamily);
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.ProtocolTypeOffset..],
            ProtocolType);
        Span<byte> snap = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(snap, ProtocolSnap);
        snap[3..].CopyTo(packet[NhrpView.ProtocolSnapOffset..]);
        packet[NhrpView.HopCountOffset] = HopCount;
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.PacketSizeOffset..],
            (ushort)length);
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.ChecksumOffset..], 0);

        // RFC 2332 5.1: ar$extoff is zero when no extensions are present.
        int extensionOffset = Extensions.Count == 0 ? 0 : ExtensionOffset;
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.ExtensionOffsetOffset..],
            (ushort)extensionOffset);
        packet[NhrpView.VersionOffset] = Version;
        packet[NhrpView.TypeOffset] = (byte)Type;
        packet[NhrpView.SourceNbmaTypeLengthOffset] = NhrpClientInformationEntry.TypeLength(
            SourceNbmaAddressType, Mandatory.SourceNbmaAddress.Length);
        packet[NhrpView.SourceNbmaSubaddressTypeLengthOffset] =
            NhrpClientInformationEntry.TypeLength(
                SourceNbmaSubaddressType, Mandatory.SourceNbmaSubaddress.Length);
    }

    private int WriteMandatoryHead(Span<byte> packet)
    {
        var mandatory = Mandatory;
        packet[NhrpView.SourceProtocolLengthOffset] =
            checked((byte)mandatory.SourceProtocolAddress.Length);
        packet[NhrpView.DestinationProtocolLengthOffset] =
            checked((byte)mandatory.DestinationProtocolAddress.Length);
        BinaryPrimitives.WriteUInt16BigEndian(packet[NhrpView.FlagsOffset..], mandatory.Flags);
        BinaryPrimitives.WriteUInt32BigEndian(packet[NhrpView.RequestIdOffset..],
            mandatory.RequestId);

        int offset = NhrpView.SourceNbmaAddressOffset;
        NhrpClientInformationEntry.Put(packet, ref offset, mandatory.SourceNbmaAddress);
        NhrpClientInformationEntry.Put(packet, ref offset, mandatory.SourceNbmaSubaddress);
        NhrpClientInformationEntry.Put(packet, ref offset, mandatory.SourceProtocolAddress);
        NhrpClientInformationEntry.Put(packet, ref offset, mandatory.DestinationProtocolAddress);
        return offset;
    }
}

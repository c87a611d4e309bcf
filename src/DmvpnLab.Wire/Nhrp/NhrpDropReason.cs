namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// Why the NHRP codec refused a packet, finer than <see cref="WireError"/> so that a drop
/// counter can name it. <see cref="NhrpDropReasons.ToWireError"/> gives the coarse kind.
/// </summary>
public enum NhrpDropReason
{
    None = 0,

    /// <summary>Fewer than the 20 bytes of the fixed header.</summary>
    Truncated,

    /// <summary>ar$pktsz is smaller than the fixed header plus the mandatory part's head.</summary>
    PacketSizeTooSmall,

    /// <summary>ar$pktsz claims more bytes than the buffer holds.</summary>
    PacketSizeExceedsBuffer,

    /// <summary>ar$op.version is not 1 (RFC 2332 5.1).</summary>
    UnsupportedVersion,

    /// <summary>The RFC 1071 checksum over ar$pktsz bytes does not verify.</summary>
    BadChecksum,

    /// <summary>The mandatory part's addresses run past the packet.</summary>
    AddressesOverrun,

    /// <summary>ar$extoff is non-zero and before the addresses' end or past the packet.</summary>
    ExtensionOffsetOutOfRange,

    /// <summary>An IPv4 address (ar$afn 1, ar$pro.type 0x0800) not 0 or 4 bytes long.</summary>
    AddressLengthInvalid,

    /// <summary>A Client Information Entry, or its addresses, runs past its area.</summary>
    CieOverrun,

    /// <summary>An extension header or value runs past the packet.</summary>
    ExtensionOverrun,

    /// <summary>A known extension's value misfits its layout (authentication < 4 bytes).</summary>
    ExtensionValueInvalid,

    /// <summary>Bytes follow the End extension.</summary>
    DataAfterEndExtension,

    /// <summary>
    /// A compulsory extension this codec does not know. The packet is still returned so
    /// the caller can answer with an Error Indication, code 1 (RFC 2332 5.3).
    /// </summary>
    UnknownCompulsoryExtension,
}

/// <summary>Maps the fine reasons onto the assembly-wide error kinds.</summary>
public static class NhrpDropReasons
{
    /// <summary>The <see cref="WireError"/> a <paramref name="reason"/> belongs to.</summary>
    public static WireError ToWireError(this NhrpDropReason reason) => reason switch
    {
        NhrpDropReason.None => WireError.None,
        NhrpDropReason.Truncated => WireError.Truncated,
        NhrpDropReason.UnsupportedVersion => WireError.BadVersion,
        NhrpDropReason.BadChecksum => WireError.BadChecksum,
        NhrpDropReason.UnknownCompulsoryExtension => WireError.UnsupportedType,
        NhrpDropReason.ExtensionValueInvalid => WireError.Malformed,
        NhrpDropReason.DataAfterEndExtension => WireError.Malformed,
        NhrpDropReason.AddressLengthInvalid => WireError.Malformed,
        _ => WireError.BadLength,
    };
}

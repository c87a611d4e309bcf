// RFC 2332 5.2.0.1, the head of the mandatory part shared by every message type:
//
//  | Src Proto Len | Dst Proto Len |             Flags             |
//  |                          Request ID                           |
//  | Source NBMA Address | Source NBMA Subaddress                  |
//  | Source Protocol Address | Destination Protocol Address        |
//
// RFC 2332 5.2.7, Error Indication: Flags is "unused" and Request ID is split into
// Error Code (2 bytes) and Error Offset (2 bytes); after the addresses come the contents
// of the NHRP packet in error. Cisco's Traffic Indication (type 8) leaves those six bytes
// zero (FRR reads the first two as a "traffic code") and, after the addresses, carries the
// original IP header plus the first 8 bytes of its payload.
namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// The mandatory part's fixed head and addresses. The source NBMA address lengths live in
/// the fixed header (ar$shtl, ar$sstl) but describe fields here, so they are derived from
/// these arrays on emit.
/// </summary>
public sealed class NhrpMandatoryPart
{
    /// <summary>
    /// Flags: <see cref="NhrpResolutionFlags"/>, <see cref="NhrpRegistrationFlags"/> or
    /// <see cref="NhrpPurgeFlags"/> by message class; "unused" in an Error Indication.
    /// </summary>
    public ushort Flags { get; set; }

    /// <summary>Request ID; in an Error Indication it holds Error Code and Error Offset.</summary>
    public uint RequestId { get; set; }

    /// <summary>Error Indication only: Error Code (upper half of the Request ID slot).</summary>
    public NhrpErrorCode ErrorCode
    {
        get => (NhrpErrorCode)(RequestId >> 16);
        set => RequestId = (uint)value << 16 | (RequestId & 0xFFFF);
    }

    /// <summary>Error Indication only: offset of the error in the enclosed packet.</summary>
    public ushort ErrorOffset
    {
        get => (ushort)RequestId;
        set => RequestId = (RequestId & 0xFFFF_0000) | value;
    }

    /// <summary>Source NBMA Address (ar$shtl gives its length).</summary>
    public byte[] SourceNbmaAddress { get; set; } = [];

    /// <summary>Source NBMA Subaddress (ar$sstl gives its length).</summary>
    public byte[] SourceNbmaSubaddress { get; set; } = [];

    /// <summary>Source Protocol Address.</summary>
    public byte[] SourceProtocolAddress { get; set; } = [];

    /// <summary>Destination Protocol Address.</summary>
    public byte[] DestinationProtocolAddress { get; set; } = [];

    /// <summary>
    /// What follows the addresses in types that carry no CIEs: the packet in error (type 7),
    /// the original IP header and 8 payload bytes (type 8), or an unknown type's bytes.
    /// </summary>
    public byte[] EnclosedPacket { get; set; } = [];

    /// <summary>The flags read as a resolution's.</summary>
    public NhrpResolutionFlags ResolutionFlags
    {
        get => (NhrpResolutionFlags)Flags;
        set => Flags = (ushort)value;
    }

    /// <summary>The flags read as a registration's.</summary>
    public NhrpRegistrationFlags RegistrationFlags
    {
        get => (NhrpRegistrationFlags)Flags;
        set => Flags = (ushort)value;
    }

    /// <summary>The flags read as a purge's.</summary>
    public NhrpPurgeFlags PurgeFlags
    {
        get => (NhrpPurgeFlags)Flags;
        set => Flags = (ushort)value;
    }

    /// <summary>Bytes from Src Proto Len to the end of the enclosed packet.</summary>
    public int Length =>
        NhrpView.SourceNbmaAddressOffset - NhrpView.FixedHeaderLength
        + SourceNbmaAddress.Length + SourceNbmaSubaddress.Length
        + SourceProtocolAddress.Length + DestinationProtocolAddress.Length
        + EnclosedPacket.Length;
}

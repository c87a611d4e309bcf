using System.Buffers.Binary;

namespace DmvpnLab.Wire.Ethernet;

// Ethernet II (RFC 894 for IPv4 over it; IEEE 802.3 clause 3) and the IEEE 802.1Q tag.
// The FCS is never part of what a capture or this emulator hands around.
//
//    0                   6                   12      14
//   +-------------------+-------------------+-------+-------------------
//   | destination MAC   | source MAC        | type  | payload ...
//   +-------------------+-------------------+-------+-------------------
//
//   with an 802.1Q tag the type 0x8100 is followed by the tag control information:
//   +-------------------+-------------------+-------+---+-+-----+-------+----------
//   | destination MAC   | source MAC        | 8100  |PCP|D| VID | type  | payload
//   +-------------------+-------------------+-------+---+-+-----+-------+----------
//                                                   3 bits,1 bit,12 bits

/// <summary>
/// A checked view of an Ethernet II frame with at most one 802.1Q tag. The payload keeps
/// any padding up to the 60-byte minimum; upper layers trim it with their own lengths.
/// </summary>
public readonly ref struct EthernetFrameView
{
    /// <summary>Bytes of the untagged header.</summary>
    public const int HeaderLength = 14;

    /// <summary>Bytes of the header with one 802.1Q tag.</summary>
    public const int TaggedHeaderLength = 18;

    private const int DestinationOffset = 0;
    private const int SourceOffset = 6;
    private const int TypeOffset = 12;
    private const int TagControlOffset = 14;
    private const int InnerTypeOffset = 16;

    private readonly ReadOnlySpan<byte> bytes;

    private EthernetFrameView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>Checks the header fits (18 bytes when tagged).</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> frame, out EthernetFrameView view, out WireError error)
    {
        view = default;
        if (frame.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        bool tagged = BinaryPrimitives.ReadUInt16BigEndian(frame[TypeOffset..])
            == (ushort)EtherType.Vlan;
        if (tagged && frame.Length < TaggedHeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        view = new EthernetFrameView(frame);
        error = WireError.None;
        return true;
    }

    /// <summary>The whole frame.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Destination MAC address.</summary>
    public MacAddress Destination => MacAddress.Read(bytes[DestinationOffset..]);

    /// <summary>Source MAC address.</summary>
    public MacAddress Source => MacAddress.Read(bytes[SourceOffset..]);

    /// <summary>True when an 802.1Q tag follows the addresses.</summary>
    public bool HasVlanTag =>
        BinaryPrimitives.ReadUInt16BigEndian(bytes[TypeOffset..]) == (ushort)EtherType.Vlan;

    /// <summary>The 12-bit VLAN identifier, 0 when untagged.</summary>
    public ushort VlanId => HasVlanTag ? (ushort)(TagControl & 0x0FFF) : (ushort)0;

    /// <summary>The 3-bit priority code point, 0 when untagged.</summary>
    public byte Priority => HasVlanTag ? (byte)(TagControl >> 13) : (byte)0;

    /// <summary>The drop eligible indicator, false when untagged.</summary>
    public bool DropEligible => HasVlanTag && (TagControl & 0x1000) != 0;

    /// <summary>The EtherType of the payload (after the tag, when tagged).</summary>
    public EtherType EtherType => (EtherType)BinaryPrimitives.ReadUInt16BigEndian(
        bytes[(HasVlanTag ? InnerTypeOffset : TypeOffset)..]);

    /// <summary>14, or 18 with a tag.</summary>
    public int Length => HasVlanTag ? TaggedHeaderLength : HeaderLength;

    /// <summary>Everything after the header, padding included.</summary>
    public ReadOnlySpan<byte> Payload => bytes[Length..];

    private ushort TagControl => BinaryPrimitives.ReadUInt16BigEndian(bytes[TagControlOffset..]);
}

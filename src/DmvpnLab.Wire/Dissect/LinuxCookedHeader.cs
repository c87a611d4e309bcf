using System.Buffers.Binary;

namespace DmvpnLab.Wire.Dissect;

// Linux cooked capture v1 (LINKTYPE_LINUX_SLL, 113), the pseudo header libpcap writes on
// the "any" device (tcpdump.org linktypes/LINKTYPE_LINUX_SLL):
//
//    0               2               4               6                              14      16
//   +---------------+---------------+---------------+------------------------------+-------+
//   | packet type   | ARPHRD type   | address length| link-layer address (8, padded)| proto |
//   +---------------+---------------+---------------+------------------------------+-------+
//
// The protocol field is an EtherType for ARPHRD values that carry Ethernet-like framing.

/// <summary>The 16-byte SLL v1 header as plain values, with parse and emit.</summary>
public sealed class LinuxCookedHeader
{
    /// <summary>Bytes of the header.</summary>
    public const int Length = 16;

    /// <summary>Who the packet was for: 0 us, 1 broadcast, 2 multicast, 3 other, 4 sent.
    /// </summary>
    public ushort PacketType { get; set; }

    /// <summary>The ARPHRD_ type of the device (1 = Ethernet).</summary>
    public ushort HardwareType { get; set; }

    /// <summary>The link-layer address length field (may exceed the 8 bytes stored).</summary>
    public ushort AddressLength { get; set; }

    /// <summary>The 8 stored address bytes, padding included.</summary>
    public ulong Address { get; set; }

    /// <summary>The protocol of the payload, an EtherType.</summary>
    public ushort ProtocolType { get; set; }

    /// <summary>Parses the first 16 bytes.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, out LinuxCookedHeader? value, out WireError error)
    {
        value = null;
        if (packet.Length < Length)
        {
            error = WireError.Truncated;
            return false;
        }

        value = new LinuxCookedHeader
        {
            PacketType = BinaryPrimitives.ReadUInt16BigEndian(packet),
            HardwareType = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            AddressLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]),
            Address = BinaryPrimitives.ReadUInt64BigEndian(packet[6..]),
            ProtocolType = BinaryPrimitives.ReadUInt16BigEndian(packet[14..]),
        };
        error = WireError.None;
        return true;
    }

    /// <summary>Writes the 16 bytes; returns 16.</summary>
    public int Emit(Span<byte> destination)
    {
        _ = destination[Length - 1];
        BinaryPrimitives.WriteUInt16BigEndian(destination, PacketType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], HardwareType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], AddressLength);
        BinaryPrimitives.WriteUInt64BigEndian(destination[6..], Address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[14..], ProtocolType);
        return Length;
    }
}

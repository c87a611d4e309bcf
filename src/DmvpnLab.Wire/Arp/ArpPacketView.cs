using System.Buffers.Binary;

namespace DmvpnLab.Wire.Arp;

// ARP, RFC 826 ("Packet format"), for IPv4 over Ethernet: hardware type 1, protocol type
// 0x0800, 6-byte hardware and 4-byte protocol addresses, 28 bytes in all.
//
//    0               2               4       5       6               8
//   +---------------+---------------+-------+-------+---------------+
//   | hardware type | protocol type | hlen  | plen  | operation     |
//   +---------------+---------------+-------+-------+---------------+
//   | sender hardware address (6)   | sender protocol address (4)   |
//   +-------------------------------+-------------------------------+
//   | target hardware address (6)   | target protocol address (4)   |   (offsets 18, 24)
//   +-------------------------------+-------------------------------+

/// <summary>A checked view of an IPv4-over-Ethernet ARP packet.</summary>
public readonly ref struct ArpPacketView
{
    /// <summary>Bytes of an IPv4-over-Ethernet ARP packet.</summary>
    public const int Length = 28;

    /// <summary>ar$hrd for Ethernet (RFC 826; IANA ARP parameters).</summary>
    public const ushort HardwareTypeEthernet = 1;

    /// <summary>ar$pro for IPv4: the IPv4 EtherType.</summary>
    public const ushort ProtocolTypeIpv4 = 0x0800;

    private const int FixedLength = 8;

    private readonly ReadOnlySpan<byte> bytes;

    private ArpPacketView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>
    /// Checks the packet is ARP for IPv4 over Ethernet and holds its 28 bytes; other hardware
    /// or protocol types give <see cref="WireError.UnsupportedType"/>. Trailing Ethernet
    /// padding is allowed.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> packet, out ArpPacketView view, out WireError error)
    {
        view = default;
        if (packet.Length < FixedLength)
        {
            error = WireError.Truncated;
            return false;
        }

        bool ethernetIpv4 =
            BinaryPrimitives.ReadUInt16BigEndian(packet) == HardwareTypeEthernet
            && BinaryPrimitives.ReadUInt16BigEndian(packet[2..]) == ProtocolTypeIpv4;
        if (!ethernetIpv4)
        {
            error = WireError.UnsupportedType;
            return false;
        }

        if (packet[4] != MacAddress.Length || packet[5] != Ipv4Address.Length)
        {
            error = WireError.BadLength;
            return false;
        }

        if (packet.Length < Length)
        {
            error = WireError.Truncated;
            return false;
        }

        view = new ArpPacketView(packet[..Length]);
        error = WireError.None;
        return true;
    }

    /// <summary>The 28 bytes of the packet, padding excluded.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Request, reply or another code.</summary>
    public ArpOperation Operation => (ArpOperation)BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);

    /// <summary>Sender hardware address.</summary>
    public MacAddress SenderHardwareAddress => MacAddress.Read(bytes[8..]);

    /// <summary>Sender protocol address.</summary>
    public Ipv4Address SenderProtocolAddress => Ipv4Address.Read(bytes[14..]);

    /// <summary>Target hardware address (zero in a request).</summary>
    public MacAddress TargetHardwareAddress => MacAddress.Read(bytes[18..]);

    /// <summary>Target protocol address.</summary>
    public Ipv4Address TargetProtocolAddress => Ipv4Address.Read(bytes[24..]);
}

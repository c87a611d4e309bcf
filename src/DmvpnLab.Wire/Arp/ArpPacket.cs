using System.Buffers.Binary;

namespace DmvpnLab.Wire.Arp;

/// <summary>
/// An IPv4-over-Ethernet ARP packet (layout in <see cref="ArpPacketView"/>) as plain values.
/// </summary>
public sealed class ArpPacket
{
    /// <summary>Request, reply or another code.</summary>
    public ArpOperation Operation { get; set; }

    /// <summary>Sender hardware address.</summary>
    public MacAddress SenderHardwareAddress { get; set; }

    /// <summary>Sender protocol address.</summary>
    public Ipv4Address SenderProtocolAddress { get; set; }

    /// <summary>Target hardware address (zero in a request).</summary>
    public MacAddress TargetHardwareAddress { get; set; }

    /// <summary>Target protocol address.</summary>
    public Ipv4Address TargetProtocolAddress { get; set; }

    /// <summary>Always 28.</summary>
    public int Length => ArpPacketView.Length;

    /// <summary>Parses an ARP packet (Ethernet padding after it is ignored).</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, out ArpPacket? value, out WireError error)
    {
        value = null;
        if (!ArpPacketView.TryCreate(packet, out var view, out error))
        {
            return false;
        }

        value = new ArpPacket
        {
            Operation = view.Operation,
            SenderHardwareAddress = view.SenderHardwareAddress,
            SenderProtocolAddress = view.SenderProtocolAddress,
            TargetHardwareAddress = view.TargetHardwareAddress,
            TargetProtocolAddress = view.TargetProtocolAddress,
        };
        return true;
    }

    /// <summary>Writes the 28 bytes; returns 28.</summary>
    public int Emit(Span<byte> destination) => Write(destination, Operation,
        SenderHardwareAddress, SenderProtocolAddress, TargetHardwareAddress, TargetProtocolAddress);

    /// <summary>Writes an ARP packet without allocating; returns 28.</summary>
    public static int Write(
        Span<byte> destination,
        ArpOperation operation,
        MacAddress senderHardwareAddress,
        Ipv4Address senderProtocolAddress,
        MacAddress targetHardwareAddress,
        Ipv4Address targetProtocolAddress)
    {
        _ = destination[ArpPacketView.Length - 1];
        BinaryPrimitives.WriteUInt16BigEndian(destination, ArpPacketView.HardwareTypeEthernet);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ArpPacketView.ProtocolTypeIpv4);
        destination[4] = MacAddress.Length;
        destination[5] = Ipv4Address.Length;
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)operation);
        senderHardwareAddress.Write(destination[8..]);
        senderProtocolAddress.Write(destination[14..]);
        targetHardwareAddress.Write(destination[18..]);
        targetProtocolAddress.Write(destination[24..]);
        return ArpPacketView.Length;
    }
}

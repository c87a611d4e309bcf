using System.Buffers.Binary;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Ip;

/// <summary>
/// A received IPv4 packet whose header the stack has already validated: field
/// accessors by RFC 791 offset, nothing copied.
/// </summary>
public readonly ref struct Ipv4PacketView
{
    public Ipv4PacketView(ReadOnlySpan<byte> bytes)
    {
        Bytes = bytes;
    }

    public ReadOnlySpan<byte> Bytes { get; }

    public int HeaderLength => (Bytes[0] & 0x0F) * 4;

    public byte TypeOfService => Bytes[1];

    public int TotalLength => BinaryPrimitives.ReadUInt16BigEndian(Bytes[2..]);

    public ushort Identification => BinaryPrimitives.ReadUInt16BigEndian(Bytes[4..]);

    public bool DontFragment => (Bytes[6] & 0x40) != 0;

    public byte TimeToLive => Bytes[8];

    public IpProtocol Protocol => (IpProtocol)Bytes[9];

    public Ipv4Address Source => Ipv4Address.Read(Bytes[12..]);

    public Ipv4Address Destination => Ipv4Address.Read(Bytes[16..]);

    public ReadOnlySpan<byte> Payload => Bytes[HeaderLength..];
}

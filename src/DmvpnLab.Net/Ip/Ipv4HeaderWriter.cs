using System.Buffers.Binary;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Ip;

/// <summary>Writes a 20-byte IPv4 header (RFC 791 3.1) with its checksum.</summary>
public static class Ipv4HeaderWriter
{
    public const int Length = 20;

    public static void Write(Span<byte> header, Ipv4Address source, Ipv4Address destination,
        byte protocol, byte timeToLive, byte typeOfService, ushort identification,
        bool dontFragment, int payloadLength)
    {
        header[0] = 0x45;
        header[1] = typeOfService;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(Length + payloadLength));
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], identification);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], dontFragment ? (ushort)0x4000 : (ushort)0);
        header[8] = timeToLive;
        header[9] = protocol;
        header[10] = 0;
        header[11] = 0;
        source.Write(header[12..]);
        destination.Write(header[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..],
            InternetChecksum.Compute(header[..Length]));
    }

    /// <summary>
    /// Decrements TTL and patches the checksum incrementally (RFC 1624), as a router
    /// does when it forwards.
    /// </summary>
    public static void DecrementTimeToLive(Span<byte> header)
    {
        header[8]--;
        uint sum = (uint)(~BinaryPrimitives.ReadUInt16BigEndian(header[10..]) & 0xFFFF);
        sum += 0xFEFF;
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)~sum);
    }
}

using System.Buffers.Binary;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>
/// Peels Ethernet (with any 802.1Q tags), IPv4 and GRE or UDP off a captured frame by fixed
/// rules, so the NHRP and ISAKMP tests do not depend on those codecs.
/// </summary>
internal static class CapturedPayload
{
    private const ushort EtherTypeVlan = 0x8100;
    private const ushort EtherTypeIpv4 = 0x0800;
    private const byte IpProtocolGre = 47;
    private const byte IpProtocolUdp = 17;
    private const byte IpProtocolNhrp = 54;

    /// <summary>The NHRP packet of a frame: over GRE (0x2001) or straight over IP (54).</summary>
    public static byte[] Nhrp(byte[] frame)
    {
        var (protocol, payload) = Ipv4Payload(frame);
        if (protocol == IpProtocolNhrp)
        {
            return payload;
        }

        Assert.Equal(IpProtocolGre, protocol);
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(payload);
        Assert.Equal(0x2001, BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(2)));
        int length = 4;
        length += (flags & 0x8000) != 0 ? 4 : 0; // checksum and offset
        length += (flags & 0x2000) != 0 ? 4 : 0; // key
        length += (flags & 0x1000) != 0 ? 4 : 0; // sequence number
        return payload[length..];
    }

    /// <summary>The UDP payload of a frame.</summary>
    public static byte[] Udp(byte[] frame)
    {
        var (protocol, payload) = Ipv4Payload(frame);
        Assert.Equal(IpProtocolUdp, protocol);
        int length = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(4));
        return payload[8..length];
    }

    /// <summary>The IPv4 payload up to the IP total length (or the captured end).</summary>
    public static (byte Protocol, byte[] Payload) Ipv4Payload(byte[] frame)
    {
        int offset = 12;
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset));
        while (etherType == EtherTypeVlan)
        {
            offset += 4;
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(offset));
        }

        Assert.Equal(EtherTypeIpv4, etherType);
        var ip = frame.AsSpan(offset + 2);
        int headerLength = (ip[0] & 0x0F) * 4;
        int totalLength = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(ip[2..]), ip.Length);
        return (ip[9], ip[headerLength..totalLength].ToArray());
    }
}

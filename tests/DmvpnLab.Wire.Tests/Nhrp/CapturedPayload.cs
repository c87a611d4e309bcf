using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Udp;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>
/// Peels Ethernet (802.1Q included), IPv4 and GRE or UDP off a captured frame with the
/// shared Wire views, down to the NHRP packet or the ISAKMP message.
/// </summary>
internal static class CapturedPayload
{
    /// <summary>The NHRP packet of a frame carried in GRE (protocol type 0x2001).</summary>
    public static byte[] Nhrp(byte[] frame)
    {
        byte[] packet = Layers.Ipv4Packet(frame);
        Assert.True(Ipv4HeaderView.TryCreate(packet, out var ip, out _));
        Assert.Equal(IpProtocol.Gre, ip.Protocol);
        Assert.True(GreHeaderView.TryCreate(ip.Payload, out var gre, out var error),
            error.ToString());
        Assert.Equal(GreProtocolType.Nhrp, gre.ProtocolType);
        return gre.Payload.ToArray();
    }

    /// <summary>
    /// The NHRP packet of pb_nhrp_1.pcap, straight over IP protocol 54. Its IPv4 header is
    /// itself corrupt (an option overruns the header, bad checksum), so the bytes are cut by
    /// plain offsets: Ethernet 14, IHL 6 words, up to the IP total length.
    /// </summary>
    public static byte[] NhrpOverIpUnchecked(byte[] frame)
    {
        const int ethernetLength = 14;
        int headerLength = (frame[ethernetLength] & 0x0F) * 4;
        int totalLength = frame[ethernetLength + 2] << 8 | frame[ethernetLength + 3];
        Assert.Equal(54, frame[ethernetLength + 9]);
        return frame[(ethernetLength + headerLength)..(ethernetLength + totalLength)];
    }

    /// <summary>The UDP payload of a frame.</summary>
    public static byte[] Udp(byte[] frame)
    {
        byte[] packet = Layers.Ipv4Packet(frame);
        Assert.True(Ipv4HeaderView.TryCreate(packet, out var ip, out _));
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
        Assert.True(UdpDatagramView.TryCreate(ip.Payload, ip.Source, ip.Destination,
            out var udp, out var error), error.ToString());
        return udp.Payload.ToArray();
    }
}

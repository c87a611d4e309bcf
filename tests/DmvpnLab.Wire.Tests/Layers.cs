using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Tests;

/// <summary>Peels real frames down to the layer a test is about.</summary>
internal static class Layers
{
    /// <summary>The IPv4 packet inside an Ethernet frame (padding cut off).</summary>
    public static byte[] Ipv4Packet(byte[] frame)
    {
        Assert.True(EthernetFrameView.TryCreate(frame, out var ethernet, out _));
        Assert.Equal(EtherType.Ipv4, ethernet.EtherType);
        Assert.True(Ipv4HeaderView.TryCreate(ethernet.Payload, out var ip, out var error),
            error.ToString());
        return ip.Bytes.ToArray();
    }

    /// <summary>The IPv4 payload inside an Ethernet frame.</summary>
    public static byte[] Ipv4Payload(byte[] frame)
    {
        byte[] packet = Ipv4Packet(frame);
        Assert.True(Ipv4HeaderView.TryCreate(packet, out var ip, out _));
        return ip.Payload.ToArray();
    }
}

using DmvpnLab.Wire.Arp;
using DmvpnLab.Wire.Ethernet;

namespace DmvpnLab.Wire.Tests.Arp;

public class ArpPacketTests
{
    // No capture in refdata holds ARP. This request is laid out by hand from RFC 826:
    // 192.168.160.1 (aabb.cc00.0100) asks for 192.168.160.10, inside a 60-byte padded frame.
    private static readonly byte[] RequestFrame = Hex.Bytes(
        "ffffffffffff aabbcc000100 0806"
        + "0001 0800 06 04 0001 aabbcc000100 c0a8a001 000000000000 c0a8a00a"
        + "000000000000000000000000000000000000");

    [Fact]
    public void Request_View_Fields()
    {
        Assert.True(EthernetFrameView.TryCreate(RequestFrame, out var ethernet, out _));
        Assert.Equal(EtherType.Arp, ethernet.EtherType);

        Assert.True(ArpPacketView.TryCreate(ethernet.Payload, out var arp, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(ArpOperation.Request, arp.Operation);
        Assert.Equal("aabb.cc00.0100", arp.SenderHardwareAddress.ToCiscoString());
        Assert.Equal("192.168.160.1", arp.SenderProtocolAddress.ToString());
        Assert.Equal(MacAddress.Zero, arp.TargetHardwareAddress);
        Assert.Equal("192.168.160.10", arp.TargetProtocolAddress.ToString());
        Assert.Equal(28, arp.Bytes.Length);
    }

    [Fact]
    public void Request_ParseEmit_SameBytesWithoutPadding()
    {
        byte[] packet = RequestFrame[14..];

        Assert.True(ArpPacket.TryParse(packet, out var arp, out _));
        var buffer = new byte[arp!.Length];
        Assert.Equal(28, arp.Emit(buffer));

        Assert.Equal(Hex.Of(packet.AsSpan(0, 28)), Hex.Of(buffer));
    }

    [Fact]
    public void Reply_Write_ParsesBack()
    {
        var buffer = new byte[28];
        ArpPacket.Write(buffer, ArpOperation.Reply, MacAddress.Parse("aabb.cc00.0200"),
            Ipv4Address.Parse("192.168.160.10"), MacAddress.Parse("aabb.cc00.0100"),
            Ipv4Address.Parse("192.168.160.1"));

        Assert.True(ArpPacket.TryParse(buffer, out var reply, out _));
        Assert.Equal(ArpOperation.Reply, reply!.Operation);
        Assert.Equal("192.168.160.10", reply.SenderProtocolAddress.ToString());
        Assert.Equal("aabb.cc00.0100", reply.TargetHardwareAddress.ToCiscoString());
    }

    [Fact]
    public void OtherHardwareType_View_UnsupportedType()
    {
        byte[] packet = RequestFrame[14..];
        packet[1] = 6;

        Assert.False(ArpPacketView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.UnsupportedType, error);
    }

    [Fact]
    public void WrongAddressLength_View_BadLength()
    {
        byte[] packet = RequestFrame[14..];
        packet[4] = 8;

        Assert.False(ArpPacketView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void Request_EveryTruncationAndBitFlip_NeverThrows()
    {
        byte[] packet = RequestFrame[14..42];

        Robustness.EveryTruncation(packet, 28, Parse);
        Robustness.EveryBitFlip(packet, Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        ArpPacket.TryParse(bytes, out _, out error);
}

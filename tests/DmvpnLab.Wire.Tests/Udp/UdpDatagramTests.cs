using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Udp;

namespace DmvpnLab.Wire.Tests.Udp;

public class UdpDatagramTests
{
    // ISAKMP_sa_setup.pcap frame 1: 10.0.0.1:500 → 10.0.0.2:500, length 156, checksum 0x4f74.
    private static readonly Ipv4Address Source = Ipv4Address.Parse("10.0.0.1");
    private static readonly Ipv4Address Destination = Ipv4Address.Parse("10.0.0.2");

    private static byte[] Datagram => Layers.Ipv4Payload(RefData.Frame("ISAKMP_sa_setup.pcap", 1));

    [Fact]
    public void IsakmpDatagram_View_FieldsMatchTsharkAndChecksumVerifies()
    {
        Assert.True(UdpDatagramView.TryCreate(Datagram, Source, Destination, out var udp,
            out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(500, udp.SourcePort);
        Assert.Equal(500, udp.DestinationPort);
        Assert.Equal(156, udp.Length);
        Assert.Equal(0x4f74, udp.Checksum);
        Assert.Equal(148, udp.Payload.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void RealDatagram_ParseEmitWithAddresses_SameBytes(int number)
    {
        byte[] packet = Layers.Ipv4Packet(RefData.Frame("ISAKMP_sa_setup.pcap", number));
        Assert.True(Ipv4HeaderView.TryCreate(packet, out var ip, out _));
        byte[] datagram = ip.Payload.ToArray();

        Assert.True(UdpDatagram.TryParse(datagram, ip.Source, ip.Destination, out var udp, out _));
        var buffer = new byte[udp!.Length];
        udp.Emit(buffer, ip.Source, ip.Destination);

        Assert.Equal(Hex.Of(datagram), Hex.Of(buffer));
    }

    [Fact]
    public void HotPathWriters_InPlace_SameBytesAsCapture()
    {
        byte[] datagram = Datagram;
        byte[] expected = (byte[])datagram.Clone();
        datagram.AsSpan(0, 8).Clear();

        UdpDatagram.WriteHeader(datagram, 500, 500, datagram.Length - 8);
        UdpDatagram.WriteChecksum(datagram, Source, Destination);

        Assert.Equal(Hex.Of(expected), Hex.Of(datagram));
    }

    [Fact]
    public void ZeroChecksum_View_Accepted()
    {
        var udp = new UdpDatagram { SourcePort = 4500, DestinationPort = 4500, Payload = [0xff] };
        var buffer = new byte[udp.Length];
        udp.Emit(buffer);

        Assert.Equal(0, (buffer[6] << 8) | buffer[7]);
        Assert.True(UdpDatagramView.TryCreate(buffer, Source, Destination, out var view, out _));
        Assert.Equal(9, view.Length);
    }

    [Fact]
    public void FlippedChecksum_View_BadChecksum()
    {
        byte[] datagram = Datagram;
        datagram[7] ^= 0x01;

        Assert.False(
            UdpDatagramView.TryCreate(datagram, Source, Destination, out _, out var error));
        Assert.Equal(WireError.BadChecksum, error);
        Assert.True(UdpDatagramView.TryCreate(datagram, out _, out _));
    }

    [Theory]
    [InlineData(7, WireError.BadLength)]
    [InlineData(157, WireError.Truncated)]
    public void BadLengthField_View_Error(int length, WireError expected)
    {
        byte[] datagram = Datagram;
        datagram[4] = (byte)(length >> 8);
        datagram[5] = (byte)length;

        Assert.False(UdpDatagramView.TryCreate(datagram, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void RealDatagram_EveryTruncationAndBitFlip_NeverThrows()
    {
        Robustness.EveryTruncation(Datagram, Datagram.Length, Parse);
        Robustness.EveryBitFlip(Datagram, Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        UdpDatagram.TryParse(bytes, Source, Destination, out _, out error);
}

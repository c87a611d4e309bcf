using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Tests.Ipv4;

public class Ipv4HeaderTests
{
    // ISAKMP_sa_setup.pcap frame 1: 10.0.0.1 → 10.0.0.2, UDP, TOS 0xc0, TTL 255, id 0x0065.
    private static byte[] IsakmpPacket =>
        Layers.Ipv4Packet(RefData.Frame("ISAKMP_sa_setup.pcap", 1));

    // NHRP_registration.pcap frame 1: 169.254.100.1 → .5, GRE, TOS 0xc0, id 0x0010.
    private static byte[] NhrpPacket =>
        Layers.Ipv4Packet(RefData.Frame("NHRP_registration.pcap", 1));

    [Fact]
    public void IsakmpPacket_View_FieldsMatchTshark()
    {
        Assert.True(Ipv4HeaderView.TryCreate(IsakmpPacket, out var ip, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(4, ip.Version);
        Assert.Equal(20, ip.HeaderLength);
        Assert.Equal(176, ip.TotalLength);
        Assert.Equal(0x0065, ip.Identification);
        Assert.Equal(255, ip.TimeToLive);
        Assert.Equal(0xc0, ip.TypeOfService);
        Assert.Equal(IpProtocol.Udp, ip.Protocol);
        Assert.Equal(0xa615, ip.HeaderChecksum);
        Assert.True(ip.IsChecksumValid);
        Assert.Equal("10.0.0.1", ip.Source.ToString());
        Assert.Equal("10.0.0.2", ip.Destination.ToString());
        Assert.False(ip.IsFragment);
        Assert.Equal(156, ip.Payload.Length);
        Assert.True(ip.Options.IsEmpty);
    }

    [Fact]
    public void NhrpPacket_Parse_TosAndProtocol()
    {
        Assert.True(Ipv4Header.TryParse(NhrpPacket, out var header, out _));

        Assert.Equal(0xc0, header!.TypeOfService);
        Assert.Equal(IpProtocol.Gre, header.Protocol);
        Assert.Equal(136, header.TotalLength);
        Assert.False(header.DontFragment);
        Assert.Equal("169.254.100.5", header.Destination.ToString());
    }

    [Theory]
    [InlineData("ISAKMP_sa_setup.pcap", 1)]
    [InlineData("NHRP_registration.pcap", 1)]
    [InlineData("EIGRP_adjacency.pcap", 15)]
    [InlineData("02-sunrise-sunset-esp.pcap", 1)]
    [InlineData("various_gre.pcap", 25)]
    public void RealPacket_ParseEmit_SameHeaderBytes(string file, int number)
    {
        byte[] packet = Layers.Ipv4Packet(RefData.Frame(file, number));

        Assert.True(Ipv4Header.TryParse(packet, out var header, out _));
        var buffer = new byte[header!.Length];
        Assert.Equal(20, header.Emit(buffer));

        Assert.Equal(Hex.Of(packet.AsSpan(0, 20)), Hex.Of(buffer));
    }

    [Fact]
    public void WriteHeader_IsakmpFields_SameBytesAsCapture()
    {
        Span<byte> header = stackalloc byte[20];
        int length = Ipv4Header.WriteHeader(header, Ipv4Address.Parse("10.0.0.1"),
            Ipv4Address.Parse("10.0.0.2"), IpProtocol.Udp, timeToLive: 255, typeOfService: 0xc0,
            identification: 0x0065, dontFragment: false, payloadLength: 156);

        Assert.Equal(20, length);
        Assert.Equal(Hex.Of(IsakmpPacket.AsSpan(0, 20)), Hex.Of(header));
    }

    [Fact]
    public void FromScratch_WithOptionsAndFlags_ChecksumVerifiesAndRoundTrips()
    {
        var header = new Ipv4Header
        {
            Source = Ipv4Address.Parse("192.168.160.1"),
            Destination = Ipv4Address.Parse("192.168.164.10"),
            Protocol = IpProtocol.Icmp,
            TimeToLive = 64,
            DontFragment = true,
            MoreFragments = true,
            FragmentOffset = 185,
            Identification = 7,
            Options = [0x94, 0x04, 0x00, 0x00], // router alert, RFC 2113
            PayloadLength = 8,
        };
        var packet = new byte[header.TotalLength];
        Assert.Equal(24, header.Emit(packet));

        Assert.True(Ipv4HeaderView.TryCreate(packet, out var view, out var error), $"{error}");
        Assert.Equal(0x46, packet[0]);
        Assert.True(view.DontFragment);
        Assert.True(view.MoreFragments);
        Assert.Equal(185, view.FragmentOffset);
        Assert.Equal("94040000", Hex.Of(view.Options));
        Assert.Equal(8, view.Payload.Length);
    }

    [Fact]
    public void DecrementTimeToLive_Incremental_SameAsFullRecompute()
    {
        byte[] packet = IsakmpPacket;
        byte[] expected = (byte[])packet.Clone();
        expected[8]--;
        Ipv4Header.UpdateChecksum(expected);

        Ipv4Header.DecrementTimeToLive(packet);

        Assert.Equal(254, packet[8]);
        Assert.Equal(Hex.Of(expected.AsSpan(0, 20)), Hex.Of(packet.AsSpan(0, 20)));
    }

    [Fact]
    public void FlippedChecksum_View_BadChecksum()
    {
        byte[] packet = IsakmpPacket;
        packet[11] ^= 0x01;

        Assert.False(Ipv4HeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadChecksum, error);
        Assert.True(Ipv4HeaderView.TryCreateHeaderOnly(packet, out var quoted, out _));
        Assert.False(quoted.IsChecksumValid);
    }

    [Fact]
    public void Version6_View_BadVersion()
    {
        byte[] packet = IsakmpPacket;
        packet[0] = 0x65;

        Assert.False(Ipv4HeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadVersion, error);
    }

    [Theory]
    [InlineData(0x44, WireError.BadLength)] // IHL 4 < 5
    [InlineData(0x4F, WireError.BadChecksum)] // IHL 15 fits the bytes, checksum then fails
    public void BadHeaderLength_View_Error(byte firstByte, WireError expected)
    {
        byte[] packet = IsakmpPacket;
        packet[0] = firstByte;

        Assert.False(Ipv4HeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TotalLengthBelowHeader_View_BadLength()
    {
        byte[] packet = IsakmpPacket;
        packet[2] = 0;
        packet[3] = 19;
        Ipv4Header.UpdateChecksum(packet);

        Assert.False(Ipv4HeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void Padding_View_CutToTotalLength()
    {
        byte[] padded = [.. IsakmpPacket, 0, 0, 0, 0];

        Assert.True(Ipv4HeaderView.TryCreate(padded, out var ip, out _));
        Assert.Equal(176, ip.Bytes.Length);
    }

    [Fact]
    public void RealPacket_EveryTruncationAndBitFlip_NeverThrows()
    {
        byte[] packet = NhrpPacket;

        Robustness.EveryTruncation(packet, packet.Length, Parse);
        Robustness.EveryBitFlip(packet, Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        Ipv4Header.TryParse(bytes, out _, out error);
}

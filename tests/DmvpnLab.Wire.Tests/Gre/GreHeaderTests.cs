using DmvpnLab.Wire.Gre;

namespace DmvpnLab.Wire.Tests.Gre;

public class GreHeaderTests
{
    // NHRP_registration.pcap frame 1: GRE flags 0x2000, protocol 0x2001 (NHRP), key 2.
    private static byte[] NhrpGre => Layers.Ipv4Payload(RefData.Frame("NHRP_registration.pcap", 1));

    // nhrp.pcapng frame 1: GRE without key, protocol NHRP.
    private static byte[] KeylessGre => Layers.Ipv4Payload(RefData.Frame("nhrp.pcapng", 1));

    [Fact]
    public void KeyedNhrp_View_FieldsMatchTshark()
    {
        Assert.True(GreHeaderView.TryCreate(NhrpGre, out var gre, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(0x2000, gre.FlagsAndVersion);
        Assert.False(gre.ChecksumPresent);
        Assert.True(gre.KeyPresent);
        Assert.False(gre.SequencePresent);
        Assert.Equal(GreProtocolType.Nhrp, gre.ProtocolType);
        Assert.Equal(2u, gre.Key);
        Assert.Equal(8, gre.HeaderLength);
        Assert.Equal(NhrpGre.Length - 8, gre.Payload.Length);
    }

    [Fact]
    public void KeylessNhrp_View_FourByteHeader()
    {
        Assert.True(GreHeaderView.TryCreate(KeylessGre, out var gre, out _));

        Assert.False(gre.KeyPresent);
        Assert.Equal(4, gre.HeaderLength);
        Assert.Equal(GreProtocolType.Nhrp, gre.ProtocolType);
    }

    [Theory]
    [InlineData("NHRP_registration.pcap", 1)]
    [InlineData("nhrp.pcapng", 1)]
    [InlineData("various_gre.pcap", 25)]
    public void RealHeader_ParseEmit_SameBytes(string file, int number)
    {
        byte[] packet = Layers.Ipv4Payload(RefData.Frame(file, number));

        Assert.True(GreHeader.TryParse(packet, out var header, out _));
        byte[] copy = (byte[])packet.Clone();
        copy.AsSpan(0, header!.Length).Clear();
        header.Emit(copy);

        Assert.Equal(Hex.Of(packet), Hex.Of(copy));
    }

    [Fact]
    public void Write_NhrpWithKey_SameBytesAsCapture()
    {
        Span<byte> header = stackalloc byte[8];

        Assert.Equal(8, GreHeader.Write(header, GreProtocolType.Nhrp, key: 2));
        Assert.Equal(Hex.Of(NhrpGre.AsSpan(0, 8)), Hex.Of(header));
        Assert.Equal(4, GreHeader.Write(header, GreProtocolType.Ipv4, key: null));
        Assert.Equal("00000800", Hex.Of(header[..4]));
    }

    [Fact]
    public void FromScratch_ChecksumKeySequence_VerifiesAndRoundTrips()
    {
        var header = new GreHeader
        {
            ChecksumPresent = true,
            Key = 0x0102_0304,
            SequenceNumber = 77,
            ProtocolType = GreProtocolType.Ipv4,
        };
        byte[] payload = Layers.Ipv4Packet(RefData.Frame("various_gre.pcap", 25))[..20];
        var packet = new byte[header.Length + payload.Length];
        payload.CopyTo(packet, header.Length);
        Assert.Equal(16, header.Emit(packet));

        Assert.Equal(0xB0, packet[0]);
        Assert.True(InternetChecksum.Verify(packet));
        Assert.True(GreHeaderView.TryCreate(packet, out var view, out var error), $"{error}");
        Assert.Equal(0x0102_0304u, view.Key);
        Assert.Equal(77u, view.SequenceNumber);
        Assert.Equal(Hex.Of(payload), Hex.Of(view.Payload));
    }

    [Fact]
    public void FlippedChecksum_View_BadChecksum()
    {
        var packet = new byte[12];
        new GreHeader { ChecksumPresent = true, ProtocolType = GreProtocolType.Ipv4 }.Emit(packet);
        packet[11] = 0x55;

        Assert.False(GreHeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadChecksum, error);
    }

    [Theory]
    [InlineData(0x20, 0x01, WireError.BadVersion)] // version 1: PPTP's enhanced GRE
    [InlineData(0x60, 0x00, WireError.UnsupportedType)] // R: RFC 1701 routing
    [InlineData(0x28, 0x00, WireError.UnsupportedType)] // strict source route
    public void Rfc1701OrPptpBits_View_Refused(byte first, byte second, WireError expected)
    {
        byte[] packet = NhrpGre;
        packet[0] = first;
        packet[1] = second;

        Assert.False(GreHeaderView.TryCreate(packet, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void RealHeader_EveryTruncationAndBitFlip_NeverThrows()
    {
        Robustness.EveryTruncation(NhrpGre, 8, Parse);
        Robustness.EveryBitFlip(NhrpGre, Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        GreHeader.TryParse(bytes, out _, out error);
}

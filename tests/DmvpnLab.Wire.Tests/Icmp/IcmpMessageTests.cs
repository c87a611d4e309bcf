using DmvpnLab.Wire.Icmp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Tests.Icmp;

public class IcmpMessageTests
{
    // various_gre.pcap frames 25 and 26: a ping 172.17.1.54 → .55 carried in GRE with an
    // 8-byte Cisco MetaData header; ICMP at Ethernet 18 + IP 20 + GRE 8 + metadata 8 + IP 20.
    private const int IcmpOffset = 74;
    private const int InnerIpOffset = 54;

    private static byte[] EchoRequest => RefData.Frame("various_gre.pcap", 25)[IcmpOffset..];

    private static byte[] EchoReply => RefData.Frame("various_gre.pcap", 26)[IcmpOffset..];

    [Fact]
    public void EchoRequest_View_FieldsMatchTshark()
    {
        Assert.True(IcmpMessageView.TryCreate(EchoRequest, out var icmp, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(IcmpType.EchoRequest, icmp.Type);
        Assert.Equal(0, icmp.Code);
        Assert.Equal(0x64fe, icmp.Checksum);
        Assert.Equal(1, icmp.Identifier);
        Assert.Equal(0, icmp.SequenceNumber);
        Assert.Equal(72, icmp.Data.Length);
        Assert.False(icmp.IsError);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(26)]
    [InlineData(27)]
    public void RealEcho_ParseEmit_SameBytes(int number)
    {
        byte[] message = RefData.Frame("various_gre.pcap", number)[IcmpOffset..];

        Assert.True(IcmpMessage.TryParse(message, out var icmp, out _));
        var buffer = new byte[icmp!.Length];
        icmp.Emit(buffer);

        Assert.Equal(Hex.Of(message), Hex.Of(buffer));
    }

    [Fact]
    public void ReplyBuiltFromRequest_Emit_SameBytesAsRealReply()
    {
        Assert.True(IcmpMessage.TryParse(EchoRequest, out var request, out _));
        var reply = IcmpMessage.EchoReply(
            request!.Identifier, request.SequenceNumber, request.Data);
        var buffer = new byte[reply.Length];
        reply.Emit(buffer);

        Assert.Equal(Hex.Of(EchoReply), Hex.Of(buffer));
        Assert.Equal(0x6cfe, (buffer[2] << 8) | buffer[3]);
    }

    [Fact]
    public void WriteEchoHeader_InPlace_SameBytesAsRealRequest()
    {
        byte[] message = EchoRequest;
        byte[] expected = (byte[])message.Clone();
        message.AsSpan(0, 8).Clear();

        Assert.Equal(8, IcmpMessage.WriteEchoHeader(message, reply: false, 1, 0));
        Assert.Equal(Hex.Of(expected), Hex.Of(message));
    }

    [Fact]
    public void TimeExceeded_FromScratch_QuotesHeaderAndEightBytes()
    {
        byte[] original = RefData.Frame("various_gre.pcap", 25)[InnerIpOffset..];
        var message = IcmpMessage.TimeExceeded(IcmpTimeExceededCode.TimeToLiveExceeded, original);
        var buffer = new byte[message.Length];
        message.Emit(buffer);

        Assert.Equal(8 + 20 + 8, buffer.Length);
        Assert.True(IcmpMessageView.TryCreate(buffer, out var view, out _));
        Assert.True(view.IsError);
        Assert.Equal(IcmpType.TimeExceeded, view.Type);
        Assert.True(view.TryGetQuotedHeader(out var quoted, out _));
        Assert.Equal(IpProtocol.Icmp, quoted.Protocol);
        Assert.Equal("172.17.1.55", quoted.Destination.ToString());
        Assert.Equal(Hex.Of(original.AsSpan(20, 8)), Hex.Of(quoted.Payload));
    }

    [Fact]
    public void FragmentationNeeded_FromScratch_CarriesNextHopMtu()
    {
        byte[] original = RefData.Frame("various_gre.pcap", 25)[InnerIpOffset..];
        var message = IcmpMessage.DestinationUnreachable(
            IcmpUnreachableCode.FragmentationNeeded, original, nextHopMtu: 1400);
        var buffer = new byte[message.Length];
        message.Emit(buffer);

        Assert.True(IcmpMessageView.TryCreate(buffer, out var view, out _));
        Assert.Equal((byte)IcmpUnreachableCode.FragmentationNeeded, view.Code);
        Assert.Equal(1400, view.NextHopMtu);
    }

    [Fact]
    public void FlippedChecksum_View_BadChecksum()
    {
        byte[] message = EchoRequest;
        message[3] ^= 0x10;

        Assert.False(IcmpMessageView.TryCreate(message, out _, out var error));
        Assert.Equal(WireError.BadChecksum, error);
    }

    [Fact]
    public void RealEcho_EveryTruncationAndBitFlip_NeverThrows()
    {
        Robustness.EveryTruncation(EchoRequest, 8, Parse);
        Robustness.EveryBitFlip(EchoRequest, Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        IcmpMessage.TryParse(bytes, out _, out error);
}

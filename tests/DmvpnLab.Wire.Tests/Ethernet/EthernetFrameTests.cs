using DmvpnLab.Wire.Ethernet;

namespace DmvpnLab.Wire.Tests.Ethernet;

public class EthernetFrameTests
{
    // NHRP_registration.pcap frame 1: 802.1Q VLAN 100, aa:bb:cc:00:01:10 → aa:bb:cc:00:05:10.
    private static byte[] TaggedFrame => RefData.Frame("NHRP_registration.pcap", 1);

    // EIGRP_adjacency.pcap frame 1: untagged Hello to 01:00:5e:00:00:0a.
    private static byte[] UntaggedFrame => RefData.Frame("EIGRP_adjacency.pcap", 1);

    [Fact]
    public void TaggedFrame_View_FieldsMatchTshark()
    {
        Assert.True(EthernetFrameView.TryCreate(TaggedFrame, out var view, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal("aa:bb:cc:00:05:10", view.Destination.ToString());
        Assert.Equal("aa:bb:cc:00:01:10", view.Source.ToString());
        Assert.True(view.HasVlanTag);
        Assert.Equal(100, view.VlanId);
        Assert.Equal(0, view.Priority);
        Assert.False(view.DropEligible);
        Assert.Equal(EtherType.Ipv4, view.EtherType);
        Assert.Equal(18, view.Length);
        Assert.Equal(TaggedFrame.Length - 18, view.Payload.Length);
    }

    [Fact]
    public void UntaggedFrame_View_FieldsMatchTshark()
    {
        Assert.True(EthernetFrameView.TryCreate(UntaggedFrame, out var view, out _));

        Assert.False(view.HasVlanTag);
        Assert.Equal(0, view.VlanId);
        Assert.Equal("01:00:5e:00:00:0a", view.Destination.ToString());
        Assert.True(view.Destination.IsMulticast);
        Assert.Equal(EtherType.Ipv4, view.EtherType);
        Assert.Equal(14, view.Length);
    }

    [Theory]
    [InlineData("NHRP_registration.pcap", 1)]
    [InlineData("EIGRP_adjacency.pcap", 15)]
    [InlineData("nhrp.pcapng", 1)]
    public void RealFrame_ParseEmit_SameBytes(string file, int number)
    {
        byte[] frame = RefData.Frame(file, number);

        Assert.True(EthernetFrame.TryParse(frame, out var parsed, out _));
        var buffer = new byte[parsed!.Length];
        int written = parsed.Emit(buffer);

        Assert.Equal(frame.Length, written);
        Assert.Equal(Hex.Of(frame), Hex.Of(buffer));
    }

    [Fact]
    public void WriteHeader_Tagged_SameBytesAsCapture()
    {
        Span<byte> header = stackalloc byte[18];
        int length = EthernetFrame.WriteHeader(header, MacAddress.Parse("aabb.cc00.0510"),
            MacAddress.Parse("aabb.cc00.0110"), 100, EtherType.Ipv4);

        Assert.Equal(18, length);
        Assert.Equal(Hex.Of(TaggedFrame.AsSpan(0, 18)), Hex.Of(header));
    }

    [Fact]
    public void WriteHeader_Untagged_SameBytesAsCapture()
    {
        Span<byte> header = stackalloc byte[14];
        var source = MacAddress.Read(UntaggedFrame.AsSpan(6));
        int length = EthernetFrame.WriteHeader(header,
            MacAddress.Parse("01:00:5e:00:00:0a"), source, EtherType.Ipv4);

        Assert.Equal(14, length);
        Assert.Equal(Hex.Of(UntaggedFrame.AsSpan(0, 14)), Hex.Of(header));
    }

    [Fact]
    public void TaggedFrame_EveryTruncation_FailsBelowHeaderNeverThrows()
    {
        Robustness.EveryTruncation(TaggedFrame, 18, Parse);
        Robustness.EveryBitFlip(TaggedFrame[..40], Parse);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        EthernetFrameView.TryCreate(bytes, out _, out error);
}

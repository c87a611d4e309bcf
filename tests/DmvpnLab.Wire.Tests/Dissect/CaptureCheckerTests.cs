using DmvpnLab.Wire.Dissect;

namespace DmvpnLab.Wire.Tests.Dissect;

public class CaptureCheckerTests
{
    [Fact]
    public void VariousGre_ExactTallies()
    {
        using var file = File.OpenRead(RefData.TcpdumpPath("various_gre.pcap"));

        var report = CaptureChecker.Check(file);

        Assert.Equal(100, report.Frames);
        Assert.Equal(100, report.RoundTrips(DissectProtocol.Ethernet));
        Assert.Equal(30, report.RoundTrips(DissectProtocol.Gre));
        Assert.Empty(report.Differences);
        Assert.Empty(report.Refusals);
        Assert.Equal(20, report.NotSupported["Cisco MetaData"]);
        Assert.Equal(3, report.NotSupported["CDP"]);
    }

    [Fact]
    public void MalformedNhrp_RefusalListedWithSnapLengthNote()
    {
        using var file = File.OpenRead(RefData.TcpdumpPath("pb_nhrp_1.pcap"));

        var report = CaptureChecker.Check(file);

        var nhrp = Assert.Single(report.Refusals, r => r.Protocol == DissectProtocol.Nhrp);
        Assert.Equal("PacketSizeExceedsBuffer", nhrp.Reason);
        Assert.True(nhrp.CutBySnapLength);
        Assert.Equal(1, report.RefusalCount(DissectProtocol.Nhrp));
    }

    [Theory]
    [InlineData(new byte[0], WireError.Truncated)]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
        20, 21, 22, 23, 24 }, WireError.BadMagic)]
    public void NotACapture_FileErrorNoFrames(byte[] bytes, WireError error)
    {
        var report = CaptureChecker.Check(new MemoryStream(bytes));

        Assert.Equal(error, report.FileError);
        Assert.Equal(0, report.Frames);
    }
}

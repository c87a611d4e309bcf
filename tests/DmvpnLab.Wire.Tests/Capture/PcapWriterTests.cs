using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Tests.Capture;

public class PcapWriterTests
{
    [Theory]
    [InlineData(true, 1_500_000_123L, 1_500_000_123L)]
    [InlineData(false, 1_500_000_123L, 1_500_000_000L)]
    public void Written_ReadBack_SameBytesAndTimestamp(bool nanoseconds, long time, long expected)
    {
        byte[] frame = RefData.Frame("EIGRP_adjacency.pcap", 12);
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, nanoseconds, leaveOpen: true))
        {
            writer.Write(time, frame);
            writer.Write(time + 1_000_000_000, frame.AsSpan(0, 14));
            Assert.Equal(2, writer.RecordCount);
        }

        stream.Position = 0;
        Assert.True(PcapReader.TryOpen(stream, out var reader, out _));
        Assert.True(reader!.TryReadNext(out var first));
        Assert.True(reader.TryReadNext(out var second));
        Assert.False(reader.TryReadNext(out _));

        Assert.Equal(LinkType.Ethernet, first!.LinkType);
        Assert.Equal(expected, first.TimestampNanoseconds);
        Assert.Equal(frame, first.Data);
        Assert.Equal(expected + 1_000_000_000, second!.TimestampNanoseconds);
        Assert.Equal(14, second.Data.Length);
    }

    [Fact]
    public void Header_Written_IsLittleEndianWithNanosecondMagic()
    {
        var stream = new MemoryStream();
        using (new PcapWriter(stream, leaveOpen: true))
        {
        }

        Assert.Equal("4d3cb2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400"
            + "01000000", Hex.Of(stream.ToArray()));
    }

    [Fact]
    public void LongPacket_Written_CutToSnapLengthWithOriginalLengthKept()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, snapLength: 10, leaveOpen: true))
        {
            writer.Write(0, new byte[100]);
        }

        stream.Position = 0;
        Assert.True(PcapReader.TryOpen(stream, out var reader, out _));
        Assert.True(reader!.TryReadNext(out var record));
        Assert.Equal(10, record!.Data.Length);
        Assert.Equal(100, record.OriginalLength);
    }
}

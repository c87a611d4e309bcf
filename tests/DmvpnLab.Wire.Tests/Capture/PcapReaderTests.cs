using System.Buffers.Binary;
using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Tests.Capture;

public class PcapReaderTests
{
    [Theory]
    [InlineData("02-sunrise-sunset-esp.pcap", 8)]
    [InlineData("EIGRP_adjacency.pcap", 53)]
    [InlineData("EIGRP_goodbye.pcap", 15)]
    [InlineData("EIGRP_subnet_up.pcap", 15)]
    [InlineData("ISAKMP_sa_setup.pcap", 9)]
    [InlineData("NHRP_registration.pcap", 4)]
    [InlineData("various_gre.pcap", 100)]
    [InlineData("nhrp.pcapng", 25)]
    public void RealCapture_Read_GivesTsharkPacketCount(string file, int count)
    {
        var records = RefData.Records(file);

        Assert.Equal(count, records.Count);
    }

    [Fact]
    public void ClassicMicrosecond_Read_TimestampsAndLinkTypeMatchTshark()
    {
        var records = RefData.Records("EIGRP_adjacency.pcap");

        Assert.Equal(LinkType.Ethernet, records[0].LinkType);
        Assert.Equal(1213403261_907937000L, records[0].TimestampNanoseconds);
        Assert.Equal(1213403266_596218000L, records[1].TimestampNanoseconds);
        Assert.Equal(74, records[0].Data.Length);
        Assert.False(records[0].IsTruncated);
    }

    [Fact]
    public void Pcapng_Read_TimestampsFromEnhancedPacketBlocks()
    {
        var records = RefData.Records("nhrp.pcapng");

        Assert.Equal(LinkType.Ethernet, records[0].LinkType);
        Assert.Equal(1657178391_987024000L, records[0].TimestampNanoseconds);
        Assert.Equal(1657178391_988481000L, records[1].TimestampNanoseconds);
        Assert.Equal(142, records[0].Data.Length);
    }

    [Fact]
    public void BigEndianNanosecondFile_Read_DecodesRecords()
    {
        var file = new MemoryStream();
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0xA1B23C4D);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16BigEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32BigEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32BigEndian(header[20..], 101);
        file.Write(header);
        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(record, 7);
        BinaryPrimitives.WriteUInt32BigEndian(record[4..], 123);
        BinaryPrimitives.WriteUInt32BigEndian(record[8..], 3);
        BinaryPrimitives.WriteUInt32BigEndian(record[12..], 10);
        file.Write(record);
        file.Write([1, 2, 3]);
        file.Position = 0;

        Assert.True(PcapReader.TryOpen(file, out var reader, out var error), error.ToString());
        Assert.True(reader!.TryReadNext(out var packet));

        Assert.Equal(LinkType.Raw, packet!.LinkType);
        Assert.Equal(7_000_000_123L, packet.TimestampNanoseconds);
        Assert.Equal(new byte[] { 1, 2, 3 }, packet.Data);
        Assert.Equal(10, packet.OriginalLength);
        Assert.True(packet.IsTruncated);
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(WireError.None, reader.Error);
    }

    [Theory]
    [InlineData("EIGRP_goodbye.pcap")]
    [InlineData("nhrp.pcapng")]
    public void EveryTruncation_Read_NeverThrowsAndReportsTruncation(string file)
    {
        byte[] bytes = File.ReadAllBytes(RefData.TcpdumpPath(file));
        int total = RefData.Records(file).Count;

        for (int length = 0; length < bytes.Length; length++)
        {
            var stream = new MemoryStream(bytes, 0, length);
            if (!PcapReader.TryOpen(stream, out var reader, out var openError))
            {
                Assert.NotEqual(WireError.None, openError);
                continue;
            }

            int count = 0;
            while (reader!.TryReadNext(out _))
            {
                count++;
            }

            Assert.True(count < total || reader.Error == WireError.None);
            Assert.True(reader.Error != WireError.None || count <= total);
        }
    }

    [Fact]
    public void GarbageMagic_Open_ReportsBadMagic()
    {
        var stream = new MemoryStream(new byte[24]);

        Assert.False(PcapReader.TryOpen(stream, out _, out var error));
        Assert.Equal(WireError.BadMagic, error);
    }

    [Fact]
    public void HugeRecordLength_Read_ReportsBadLength()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, leaveOpen: true))
        {
            writer.Write(0, new byte[4]);
        }

        byte[] bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 8), 0x7FFF_FFFF);

        Assert.True(PcapReader.TryOpen(new MemoryStream(bytes), out var reader, out _));
        Assert.False(reader!.TryReadNext(out _));
        Assert.Equal(WireError.BadLength, reader.Error);
    }
}

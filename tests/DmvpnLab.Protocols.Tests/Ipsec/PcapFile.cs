using System.Buffers.Binary;

namespace DmvpnLab.Protocols.Tests.Ipsec;

/// <summary>
/// Just enough of the classic libpcap format for tests: a 24-byte global header (magic
/// a1b2c3d4 in either byte order, link type at offset 20) and 16-byte record headers.
/// </summary>
internal static class PcapFile
{
    public const uint LinkTypeEthernet = 1;

    public static List<byte[]> ReadEthernetFrames(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool little = magic == 0xA1B2C3D4;
        Assert.True(little || magic == 0xD4C3B2A1, $"not a microsecond pcap: {magic:x8}");
        uint Read32(int offset) => little
            ? BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset))
            : BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));
        Assert.Equal(LinkTypeEthernet, Read32(20));

        var frames = new List<byte[]>();
        for (int offset = 24; offset + 16 <= file.Length;)
        {
            int captured = (int)Read32(offset + 8);
            frames.Add(file.AsSpan(offset + 16, captured).ToArray());
            offset += 16 + captured;
        }

        return frames;
    }

    public static void WriteEthernetFrames(string path, IEnumerable<byte[]> frames)
    {
        using var stream = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeEthernet);
        stream.Write(header);

        Span<byte> record = stackalloc byte[16];
        foreach (byte[] frame in frames)
        {
            record.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)frame.Length);
            stream.Write(record);
            stream.Write(frame);
        }
    }
}

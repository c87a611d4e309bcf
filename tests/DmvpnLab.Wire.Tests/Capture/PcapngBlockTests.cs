using System.Buffers.Binary;
using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Tests.Capture;

public class PcapngBlockTests
{
    [Fact]
    public void BigEndianSection_WithResolutionSimpleAndUnknownBlocks_Decoded()
    {
        var file = new MemoryStream();
        // SHB: type, length 28, byte-order magic, version 1.0, section length -1.
        Block(file, 0x0A0D0D0A, [0x1A, 0x2B, 0x3C, 0x4D, 0, 1, 0, 0, .. Ff(8)]);
        // IDB: link type 101, reserved, snap 0; option if_tsresol = 9 (ns); end of options.
        Block(file, 1, [0, 101, 0, 0, 0, 0, 0, 0, 0, 9, 0, 1, 9, 0, 0, 0, 0, 0, 0, 0]);
        // A Name Resolution Block (4), which the reader skips.
        Block(file, 4, [0, 0, 0, 0]);
        // EPB: interface 0, timestamp 5_000_000_007 ns, captured 3, original 3, data padded.
        Block(file, 6, [0, 0, 0, 0, 0, 0, 0, 1, 0x2A, 0x05, 0xF2, 0x07, 0, 0, 0, 3, 0, 0, 0, 3,
            0x45, 0x00, 0x01, 0]);
        // SPB: original length 2, data padded.
        Block(file, 3, [0, 0, 0, 2, 0xAB, 0xCD, 0, 0]);
        file.Position = 0;

        Assert.True(PcapReader.TryOpen(file, out var reader, out var error), $"{error}");
        Assert.True(reader!.IsPcapng);
        Assert.True(reader.TryReadNext(out var enhanced));
        Assert.True(reader.TryReadNext(out var simple));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(WireError.None, reader.Error);

        Assert.Equal(LinkType.Raw, enhanced!.LinkType);
        Assert.Equal(5_000_000_007L, enhanced.TimestampNanoseconds);
        Assert.Equal("450001", Hex.Of(enhanced.Data));
        Assert.Equal("abcd", Hex.Of(simple!.Data));
    }

    [Fact]
    public void RealPcapng_EveryBitFlipOfFirstBlocks_NeverThrows()
    {
        byte[] bytes = File.ReadAllBytes(RefData.TcpdumpPath("nhrp.pcapng"))[..400];

        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            if (PcapReader.TryOpen(new MemoryStream(copy), out var reader, out _))
            {
                while (reader!.TryReadNext(out _))
                {
                }
            }
        }
    }

    private static byte[] Ff(int count) => Enumerable.Repeat((byte)0xFF, count).ToArray();

    private static void Block(Stream file, uint type, byte[] body)
    {
        Span<byte> word = stackalloc byte[4];
        uint total = (uint)(12 + body.Length);
        BinaryPrimitives.WriteUInt32BigEndian(word, type);
        file.Write(word);
        BinaryPrimitives.WriteUInt32BigEndian(word, total);
        file.Write(word);
        file.Write(body);
        file.Write(word);
    }
}

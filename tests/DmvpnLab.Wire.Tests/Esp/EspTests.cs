using System.Security.Cryptography;
using DmvpnLab.Wire.Esp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Tests.Esp;

public class EspTests
{
    // 02-sunrise-sunset-esp.pcap: tunnel-mode ESP 192.1.2.23 → 192.1.2.45, SPI 0x12345678,
    // 3DES-CBC with HMAC-96. The key is the one tcpdump's test list passes with -E for this
    // file; the 0x12345678 line of esp-secrets.txt (key ...5840) does not decrypt it.
    private const string File = "02-sunrise-sunset-esp.pcap";
    private const string TripleDesKey = "4043434545464649494a4a4c4c4f4f515152525454575758";
    private const int IvLength = 8;
    private const int IcvLength = 12;

    private static byte[] Packet(int number) => Layers.Ipv4Payload(RefData.Frame(File, number));

    [Theory]
    [InlineData(1, 1u)]
    [InlineData(2, 2u)]
    [InlineData(8, 8u)]
    public void RealEsp_View_SpiAndSequenceMatchTshark(int number, uint sequence)
    {
        Assert.True(EspHeaderView.TryCreate(Packet(number), out var esp, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(0x12345678u, esp.Spi);
        Assert.Equal(sequence, esp.SequenceNumber);
        Assert.Equal(Packet(number).Length - 8, esp.Protected.Length);
    }

    [Fact]
    public void Write_Header_SameBytesAsCapture()
    {
        Span<byte> header = stackalloc byte[8];

        Assert.Equal(8, EspHeader.Write(header, 0x12345678, 1));
        Assert.Equal(Hex.Of(Packet(1).AsSpan(0, 8)), Hex.Of(header));
    }

    [Fact]
    public void DecryptedRealPayload_Trailer_TunnelModeIpv4()
    {
        byte[] plaintext = Decrypt(Packet(1));

        Assert.True(EspTrailerView.TryCreate(plaintext, out var trailer, out var error),
            Hex.Of(plaintext));

        Assert.Equal(WireError.None, error);
        Assert.Equal(4, trailer.NextHeader); // IP-in-IP: tunnel mode
        Assert.True(Ipv4HeaderView.TryCreate(trailer.Payload, out var inner, out _));
        Assert.Equal(trailer.Payload.Length, inner.TotalLength);
    }

    [Fact]
    public void DecryptedRealPayload_TrailerWrite_SameBytes()
    {
        byte[] plaintext = Decrypt(Packet(1));
        Assert.True(EspTrailerView.TryCreate(plaintext, out var trailer, out _));
        int payloadLength = trailer.Payload.Length;
        var rebuilt = new byte[plaintext.Length];
        plaintext.AsSpan(0, payloadLength).CopyTo(rebuilt);

        int length = EspTrailer.Write(rebuilt.AsSpan(payloadLength), payloadLength, 8, 4);

        Assert.Equal(plaintext.Length - payloadLength, length);
        Assert.Equal(Hex.Of(plaintext), Hex.Of(rebuilt));
    }

    [Theory]
    [InlineData(0, 16, 16)]
    [InlineData(14, 16, 2)]
    [InlineData(15, 16, 17)]
    [InlineData(10, 1, 2)]
    public void TrailerLength_Aligns(int payloadLength, int blockSize, int expected)
    {
        Assert.Equal(expected, EspTrailer.GetLength(payloadLength, blockSize));
        Assert.Equal(0, (payloadLength + expected) % Math.Max(blockSize, 4));
    }

    [Fact]
    public void PadLengthPastStart_Trailer_BadLength()
    {
        Assert.False(EspTrailerView.TryCreate([1, 2, 5, 4], out _, out var error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void NonDefaultPadding_Trailer_Malformed()
    {
        Assert.False(EspTrailerView.TryCreate([0xAA, 1, 3, 2, 4], out _, out var error));
        Assert.Equal(WireError.Malformed, error);
    }

    [Fact]
    public void ZeroSpi_View_Malformed()
    {
        Assert.False(EspHeaderView.TryCreate(new byte[16], out _, out var error));
        Assert.Equal(WireError.Malformed, error);
    }

    [Fact]
    public void RealEsp_EveryTruncationAndBitFlip_NeverThrows()
    {
        Robustness.EveryTruncation(Packet(1), 8, ParseHeader);
        Robustness.EveryBitFlip(Packet(1)[..16], ParseHeader);
        byte[] plaintext = Decrypt(Packet(1));
        Robustness.EveryTruncation(plaintext, 2, ParseTrailer);
        Robustness.EveryBitFlip(plaintext[^24..], ParseTrailer);
    }

    private static byte[] Decrypt(byte[] esp)
    {
        using var des = TripleDES.Create();
        des.Key = Hex.Bytes(TripleDesKey);
        var iv = esp.AsSpan(8, IvLength);
        var ciphertext = esp.AsSpan(8 + IvLength, esp.Length - 8 - IvLength - IcvLength);
        return des.DecryptCbc(ciphertext, iv, PaddingMode.None);
    }

    private static bool ParseHeader(byte[] bytes, out WireError error) =>
        EspHeaderView.TryCreate(bytes, out _, out error);

    private static bool ParseTrailer(byte[] bytes, out WireError error) =>
        EspTrailerView.TryCreate(bytes, out _, out error);
}

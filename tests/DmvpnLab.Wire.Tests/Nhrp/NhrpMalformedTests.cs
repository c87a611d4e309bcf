using System.Buffers.Binary;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>Bad input: every prefix, every bit flip, and each named drop reason.</summary>
public class NhrpMalformedTests
{
    [Fact]
    public void PbNhrp1_PacketSizeBeyondCapture_Rejected()
    {
        // tshark: "Packet Length: 30547" in a 40-byte IP payload, extension offset 256;
        // tcpdump stops at "remaining mandatory part length 8 < 12". The packet size is the
        // first field that disagrees with the bytes present.
        byte[] bytes = CapturedPayload.NhrpOverIpUnchecked(
            RefData.Frame(NhrpSamples.MalformedFile, 1));

        bool ok = NhrpPacket.TryParse(bytes, out var packet, out NhrpDropReason reason, out _);

        Assert.False(ok);
        Assert.Null(packet);
        Assert.Equal(NhrpDropReason.PacketSizeExceedsBuffer, reason);
        Assert.Equal(WireError.BadLength, reason.ToWireError());
    }

    [Fact]
    public void EveryPrefix_OfEveryPacket_FailsWithoutThrowing()
    {
        foreach (var (name, bytes) in NhrpSamples.All())
        {
            for (int length = 0; length < bytes.Length; length++)
            {
                bool ok = NhrpPacket.TryParse(bytes.AsSpan(0, length), out var packet,
                    out WireError error);

                Assert.False(ok, $"{name} prefix {length}");
                Assert.Null(packet);
                Assert.NotEqual(WireError.None, error);
            }
        }
    }

    [Fact]
    public void FlippedChecksumByte_BadChecksum()
    {
        foreach (var (name, bytes) in NhrpSamples.All())
        {
            foreach (int index in new[] { 12, 13, 30, bytes.Length - 1 })
            {
                var copy = (byte[])bytes.Clone();
                copy[index] ^= 0x01;

                Assert.False(NhrpPacket.TryParse(copy, out _, out NhrpDropReason reason, out _));
                Assert.Equal(NhrpDropReason.BadChecksum, reason);
            }
        }
    }

    [Fact]
    public void EverySingleBitFlip_ParsesOrFails_NeverThrows()
    {
        foreach (var (name, bytes) in NhrpSamples.All())
        {
            for (int bit = 0; bit < bytes.Length * 8; bit++)
            {
                var copy = (byte[])bytes.Clone();
                copy[bit / 8] ^= (byte)(1 << (bit % 8));

                NhrpPacket.TryParse(copy, out _, out WireError _);
            }
        }
    }

    [Fact]
    public void EverySingleBitFlip_WithChecksumFixed_ParsesAndRoundTripsOrFails()
    {
        // Fixing the checksum after the flip lets the flip reach the structure checks.
        foreach (var (name, bytes) in NhrpSamples.All())
        {
            for (int bit = 0; bit < bytes.Length * 8; bit++)
            {
                var flipped = (byte[])bytes.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                var copy = NhrpSamples.WithChecksumFixed(flipped);

                bool ok = NhrpPacket.TryParse(copy, out var packet, out NhrpDropReason reason,
                    out _);

                if (!ok)
                {
                    Assert.NotEqual(NhrpDropReason.None, reason);
                    continue;
                }

                AssertRoundTrips(copy, packet!, $"{name} bit {bit}");
            }
        }
    }

    [Fact]
    public void CieAddressLengthsOverrunTheMandatoryPart_CieOverrun()
    {
        // Registration request: the one CIE starts at 40; its Cli Proto Len is at 50.
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        copy[50] = 4;

        bool ok = NhrpPacket.TryParse(NhrpSamples.WithChecksumFixed(copy), out _,
            out NhrpDropReason reason, out int offset);

        Assert.False(ok);
        Assert.Equal(NhrpDropReason.CieOverrun, reason);
        Assert.Equal(40, offset);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(39)]
    [InlineData(109)]
    public void ExtensionOffsetOutsideThePacket_Rejected(int extensionOffset)
    {
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(14), (ushort)extensionOffset);

        bool ok = NhrpPacket.TryParse(NhrpSamples.WithChecksumFixed(copy), out _,
            out NhrpDropReason reason, out _);

        Assert.False(ok);
        Assert.Equal(NhrpDropReason.ExtensionOffsetOutOfRange, reason);
    }

    [Fact]
    public void PacketSizeLargerThanBuffer_Rejected()
    {
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(10), (ushort)(copy.Length + 1));

        Assert.False(NhrpPacket.TryParse(copy, out _, out NhrpDropReason reason, out _));
        Assert.Equal(NhrpDropReason.PacketSizeExceedsBuffer, reason);
    }

    [Fact]
    public void TrailingLinkPadding_IgnoredAfterPacketSize()
    {
        byte[] bytes = NhrpSamples.Registration(1);
        byte[] padded = [.. bytes, 0, 0, 0, 0];

        Assert.True(NhrpPacket.TryParse(padded, out var packet, out _));
        Assert.Equal(bytes.Length, packet!.Length);
    }

    [Fact]
    public void UnknownCompulsoryExtension_ReportedWithPacketAndOffset()
    {
        // Turn the Cisco NAT extension (0x0009 at offset 80) into compulsory type 0x000A.
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        Assert.Equal(0x0009, BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(80)));
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(80), 0x800A);
        copy = NhrpSamples.WithChecksumFixed(copy);

        bool ok = NhrpPacket.TryParse(copy, out var packet, out NhrpDropReason reason,
            out int offset);

        Assert.False(ok);
        Assert.Equal(NhrpDropReason.UnknownCompulsoryExtension, reason);
        Assert.Equal(WireError.UnsupportedType, reason.ToWireError());
        Assert.Equal(80, offset);
        Assert.NotNull(packet);
        AssertRoundTrips(copy, packet!, "unknown compulsory");
    }

    [Fact]
    public void UnknownNonCompulsoryExtension_PassesThroughByteForByte()
    {
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(80), 0x4ABC);
        copy = NhrpSamples.WithChecksumFixed(copy);

        Assert.True(NhrpPacket.TryParse(copy, out var packet, out _));

        var raw = Assert.IsType<NhrpRawExtension>(packet!.Extensions[4]);
        Assert.False(raw.Compulsory);
        Assert.Equal((NhrpExtensionType)0x4ABC, raw.Type);
        AssertRoundTrips(copy, packet, "unknown non-compulsory");
    }

    [Fact]
    public void AuthenticationShorterThanSpi_ExtensionValueInvalid()
    {
        var packet = NhrpMessageTests.RegistrationRequest();
        packet.Extensions.Insert(0, new NhrpRawExtension
        {
            Compulsory = true,
            Type = NhrpExtensionType.Authentication,
            Value = [0, 0, 1],
        });
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.False(NhrpPacket.TryParse(bytes, out _, out NhrpDropReason reason, out _));
        Assert.Equal(NhrpDropReason.ExtensionValueInvalid, reason);
    }

    [Fact]
    public void BytesAfterEnd_DataAfterEndExtension()
    {
        var packet = NhrpMessageTests.RegistrationRequest();
        packet.Extensions.Add(NhrpCieListExtension.ResponderAddress());
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.False(NhrpPacket.TryParse(bytes, out _, out NhrpDropReason reason, out _));
        Assert.Equal(NhrpDropReason.DataAfterEndExtension, reason);
    }

    [Fact]
    public void FiveByteNbmaAddressWithIpv4Family_AddressLengthInvalid()
    {
        var packet = NhrpMessageTests.RegistrationRequest();
        packet.Mandatory.SourceNbmaAddress = [1, 2, 3, 4, 5];
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.False(NhrpPacket.TryParse(bytes, out _, out NhrpDropReason reason, out _));
        Assert.Equal(NhrpDropReason.AddressLengthInvalid, reason);
        Assert.Equal(WireError.Malformed, reason.ToWireError());
    }

    [Fact]
    public void SixteenByteNbmaAddressWithOtherFamily_Accepted()
    {
        var packet = NhrpMessageTests.RegistrationRequest();
        packet.AddressFamily = 2; // IPv6
        packet.Mandatory.SourceNbmaAddress = new byte[16];
        packet.ClientInformationEntries[0].ClientNbmaAddress = new byte[16];
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.True(NhrpPacket.TryParse(bytes, out var parsed, out _));
        Assert.Equal(16, parsed!.Mandatory.SourceNbmaAddress.Length);
        AssertRoundTrips(bytes, parsed, "ipv6 nbma");
    }

    [Fact]
    public void VersionTwo_UnsupportedVersion()
    {
        var copy = (byte[])NhrpSamples.Registration(1).Clone();
        copy[16] = 2;

        Assert.False(NhrpPacket.TryParse(NhrpSamples.WithChecksumFixed(copy), out _,
            out NhrpDropReason reason, out _));
        Assert.Equal(NhrpDropReason.UnsupportedVersion, reason);
    }

    internal static void AssertRoundTrips(byte[] bytes, NhrpPacket packet, string name)
    {
        int size = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(10));
        var emitted = new byte[packet.Length];
        packet.Emit(emitted);
        Assert.True(bytes.AsSpan(0, size).SequenceEqual(emitted),
            $"{name}: {Hex.Of(bytes.AsSpan(0, size))} != {Hex.Of(emitted)}");
    }
}

using System.Buffers.Binary;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Wire.Tests.Isakmp;

/// <summary>Bad input: every prefix, every bit flip, and the length and count checks.</summary>
public class IsakmpMalformedTests
{
    [Fact]
    public void EveryPrefix_OfEveryMessage_FailsWithoutThrowing()
    {
        foreach (var (frame, bytes) in IsakmpSamples.All())
        {
            for (int length = 0; length < bytes.Length; length++)
            {
                bool ok = IsakmpMessage.TryParse(bytes.AsSpan(0, length), out var message,
                    out WireError error);

                Assert.False(ok, $"frame {frame} prefix {length}");
                Assert.Null(message);
                Assert.NotEqual(WireError.None, error);
            }
        }
    }

    [Fact]
    public void EveryPrefix_OfCleartextBodies_AsDecryptedChain_NeverThrows()
    {
        foreach (var (frame, bytes) in IsakmpSamples.All().Take(4))
        {
            var first = (IsakmpPayloadType)bytes[16];
            for (int length = IsakmpView.HeaderLength; length < bytes.Length; length++)
            {
                bool ok = IsakmpPayloadChain.TryParse(first,
                    bytes.AsSpan(IsakmpView.HeaderLength..length), out _, out WireError error);

                Assert.False(ok, $"frame {frame} prefix {length}");
                Assert.NotEqual(WireError.None, error);
            }
        }
    }

    [Fact]
    public void EverySingleBitFlip_ParsesAndRoundTripsOrFails()
    {
        foreach (var (frame, bytes) in IsakmpSamples.All())
        {
            for (int bit = 0; bit < bytes.Length * 8; bit++)
            {
                var copy = (byte[])bytes.Clone();
                copy[bit / 8] ^= (byte)(1 << (bit % 8));

                if (!IsakmpMessage.TryParse(copy, out var message, out WireError error))
                {
                    Assert.NotEqual(WireError.None, error);
                    continue;
                }

                int length = (int)BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(24));
                var emitted = new byte[message!.Length];
                message.Emit(emitted);
                Assert.True(copy.AsSpan(0, length).SequenceEqual(emitted),
                    $"frame {frame} bit {bit}");
            }
        }
    }

    [Fact]
    public void LengthBeyondBuffer_BadLength()
    {
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(24), (uint)copy.Length + 1);

        Assert.False(IsakmpMessage.TryParse(copy, out _, out WireError error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void TrailingBytesInCleartextMessage_BadLength()
    {
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        byte[] longer = [.. copy, 0, 0, 0, 0];
        BinaryPrimitives.WriteUInt32BigEndian(longer.AsSpan(24), (uint)longer.Length);

        Assert.False(IsakmpMessage.TryParse(longer, out _, out WireError error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void UdpPaddingAfterLength_Ignored()
    {
        byte[] bytes = IsakmpSamples.Message(1);
        byte[] padded = [.. bytes, 0, 0];

        Assert.True(IsakmpMessage.TryParse(padded, out var message, out _));
        Assert.Equal(bytes.Length, message!.Length);
    }

    [Fact]
    public void IkeV2Version_BadVersion()
    {
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        copy[17] = 0x20;

        Assert.False(IsakmpMessage.TryParse(copy, out _, out WireError error));
        Assert.Equal(WireError.BadVersion, error);
    }

    [Fact]
    public void TransformCountDisagrees_Malformed()
    {
        // Message 1: SA at 28, its proposal at 40; # of Transforms is the proposal's 8th byte.
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        Assert.Equal(1, copy[47]);
        copy[47] = 2;

        Assert.False(IsakmpMessage.TryParse(copy, out _, out WireError error));
        Assert.Equal(WireError.Malformed, error);
    }

    [Fact]
    public void PayloadLengthUnderHeader_BadLength()
    {
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(30), 3);

        Assert.False(IsakmpMessage.TryParse(copy, out _, out WireError error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void TlvAttributeOverrunsTransform_BadLength()
    {
        // The life duration TLV is the transform's last attribute; claim 5 value bytes.
        var copy = (byte[])IsakmpSamples.Message(1).Clone();
        int lengthOffset = 28 + 60 - 6;
        Assert.Equal(4, BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(lengthOffset)));
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(lengthOffset), 5);

        Assert.False(IsakmpMessage.TryParse(copy, out _, out WireError error));
        Assert.Equal(WireError.BadLength, error);
    }
}

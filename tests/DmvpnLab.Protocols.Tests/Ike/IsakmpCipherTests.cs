using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

public class IsakmpCipherTests
{
    private static readonly byte[] Key = Convert.FromHexString(
        "00112233445566778899aabbccddeeff0123456789abcdef");
    private static readonly byte[] Phase1Iv = Convert.FromHexString("0102030405060708");

    [Fact]
    public void Encrypt_UnalignedBody_ZeroPadsWithoutPadLengthByte()
    {
        using IsakmpCipher sender = NewCipher();
        using IsakmpCipher receiver = NewCipher();
        byte[] body = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        byte[] wire = new byte[16];

        int length = sender.Encrypt(0, body, wire);
        byte[] plain = new byte[length];
        Assert.True(receiver.TryDecrypt(0, wire.AsSpan(0, length), plain));

        Assert.Equal(16, length);
        Assert.Equal([.. body, 0, 0, 0, 0, 0], plain);
    }

    [Fact]
    public void Phase1Messages_IvChainsThroughLastCiphertextBlock()
    {
        using IsakmpCipher initiator = NewCipher();
        using IsakmpCipher responder = NewCipher();
        byte[] message5 = new byte[24];
        byte[] message6 = new byte[32];

        initiator.Encrypt(0, Enumerable.Repeat((byte)5, 20).ToArray(), message5);
        Assert.Equal(message5[^8..], initiator.GetIv(0).ToArray());
        Assert.True(responder.TryDecrypt(0, message5, new byte[24]));
        responder.Encrypt(0, Enumerable.Repeat((byte)6, 30).ToArray(), message6);
        byte[] plain6 = new byte[32];
        Assert.True(initiator.TryDecrypt(0, message6, plain6));

        Assert.Equal(6, plain6[29]);
        Assert.Equal(message6[^8..], initiator.LastPhase1Block.ToArray());
        Assert.Equal(initiator.LastPhase1Block.ToArray(), responder.LastPhase1Block.ToArray());
    }

    [Fact]
    public void QuickMode_OwnIvFromLastPhase1BlockAndMessageId()
    {
        using IsakmpCipher initiator = NewCipher();
        using IsakmpCipher responder = NewCipher();
        byte[] expected = Ikev1KeyMaterial.ComputePhase2Iv(
            IkeHashAlgorithm.Md5, 8, Phase1Iv, 0x0A0B0C0D);

        Assert.Equal(expected, initiator.GetIv(0x0A0B0C0D).ToArray());

        byte[] wire = new byte[48];
        initiator.Encrypt(0x0A0B0C0D, new byte[44], wire);
        byte[] plain = new byte[48];
        Assert.True(responder.TryDecrypt(0x0A0B0C0D, wire, plain));

        Assert.Equal(new byte[48], plain);
        Assert.Equal(Phase1Iv, initiator.LastPhase1Block.ToArray());
        Assert.Equal(wire[^8..], responder.GetIv(0x0A0B0C0D).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(9)]
    public void TryDecrypt_NotWholeBlocks_FalseAndIvKept(int length)
    {
        using IsakmpCipher cipher = NewCipher();

        Assert.False(cipher.TryDecrypt(0, new byte[length], new byte[16]));
        Assert.Equal(Phase1Iv, cipher.GetIv(0).ToArray());
    }

    [Fact]
    public void ManagedAndNative_SameKeys_Interoperate()
    {
        using var managed = new IsakmpCipher(IsakmpEncryptionAlgorithm.AesCbc128,
            IkeHashAlgorithm.Sha1, Key[..16], new byte[16], forceManaged: true);
        using var native16 = new IsakmpCipher(IsakmpEncryptionAlgorithm.AesCbc128,
            IkeHashAlgorithm.Sha1, Key[..16], new byte[16]);
        byte[] wire = new byte[32];
        byte[] plain = new byte[32];

        managed.Encrypt(0, Enumerable.Range(0, 30).Select(i => (byte)i).ToArray(), wire);
        Assert.True(native16.TryDecrypt(0, wire, plain));

        Assert.Equal(29, plain[29]);
    }

    private static IsakmpCipher NewCipher() =>
        new(IsakmpEncryptionAlgorithm.TripleDesCbc, IkeHashAlgorithm.Md5, Key, Phase1Iv);
}

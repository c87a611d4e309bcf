using DmvpnLab.Protocols.Ipsec.Crypto;

namespace DmvpnLab.Protocols.Tests.Ipsec;

public class EspSecurityAssociationTests
{
    private const uint Spi = 0xC0FFEE01;
    private const byte IpInIp = 4;

    public static TheoryData<EspEncryptionAlgorithm, int, EspIntegrityAlgorithm, int> Suites =>
        new()
        {
            { EspEncryptionAlgorithm.TripleDesCbc, 24, EspIntegrityAlgorithm.HmacMd596, 16 },
            { EspEncryptionAlgorithm.TripleDesCbc, 24, EspIntegrityAlgorithm.HmacSha196, 20 },
            { EspEncryptionAlgorithm.AesCbc, 16, EspIntegrityAlgorithm.HmacSha196, 20 },
            { EspEncryptionAlgorithm.AesCbc, 32, EspIntegrityAlgorithm.HmacMd596, 16 },
            { EspEncryptionAlgorithm.AesGcm16, 20, EspIntegrityAlgorithm.None, 0 },
            { EspEncryptionAlgorithm.AesGcm16, 36, EspIntegrityAlgorithm.None, 0 },
            { EspEncryptionAlgorithm.AesCbc, 32, EspIntegrityAlgorithm.HmacSha256128, 32 },
            { EspEncryptionAlgorithm.AesCbc, 24, EspIntegrityAlgorithm.HmacSha384192, 48 },
            { EspEncryptionAlgorithm.AesCbc, 16, EspIntegrityAlgorithm.HmacSha512256, 64 },
        };

    [Theory]
    [InlineData(EspIntegrityAlgorithm.HmacSha256128, 32, 16)]
    [InlineData(EspIntegrityAlgorithm.HmacSha384192, 48, 24)]
    [InlineData(EspIntegrityAlgorithm.HmacSha512256, 64, 32)]
    public void Encrypt_Sha2Hmac_IcvIsHalfTheHmacOverHeaderIvAndCiphertext(
        EspIntegrityAlgorithm integrity, int keyLength, int icvLength)
    {
        using EspSecurityAssociation sa =
            NewSa(EspEncryptionAlgorithm.AesCbc, 32, integrity, keyLength);

        byte[] packet = Encrypt(sa, Payload(50));

        // RFC 4868 2.3: the ICV is the leftmost half of the HMAC output.
        byte[] key = sa.IntegrityKey.ToArray();
        byte[] authenticated = packet[..^icvLength];
        byte[] mac = integrity switch
        {
            EspIntegrityAlgorithm.HmacSha256128 =>
                System.Security.Cryptography.HMACSHA256.HashData(key, authenticated),
            EspIntegrityAlgorithm.HmacSha384192 =>
                System.Security.Cryptography.HMACSHA384.HashData(key, authenticated),
            _ => System.Security.Cryptography.HMACSHA512.HashData(key, authenticated),
        };
        Assert.Equal(icvLength, sa.IcvLength);
        Assert.Equal(mac[..icvLength], packet[^icvLength..]);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void EncryptThenDecrypt_EverySuite_RoundTrips(
        EspEncryptionAlgorithm encryption, int keyLength, EspIntegrityAlgorithm integrity,
        int integrityKeyLength)
    {
        using EspSecurityAssociation sender =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        using EspSecurityAssociation receiver =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);

        for (int payloadLength = 0; payloadLength < 40; payloadLength++)
        {
            byte[] payload = Payload(payloadLength);
            byte[] packet = Encrypt(sender, payload);
            byte[] plain = new byte[packet.Length];

            bool ok = receiver.TryDecrypt(packet, plain, out int length, out byte next,
                out EspDropReason reason);

            Assert.True(ok, reason.ToString());
            Assert.Equal(payload, plain[..length]);
            Assert.Equal(IpInIp, next);
            Assert.Equal(sender.GetEncryptedLength(payloadLength), packet.Length);
        }

        Assert.Equal(40, receiver.PacketsDecrypted);
        Assert.Equal(40, sender.PacketsEncrypted);
        Assert.Equal(Enumerable.Range(0, 40).Sum(), receiver.BytesDecrypted);
    }

    [Fact]
    public void Encrypt_TripleDesMd5_LaysOutHeaderPaddingAndIcv()
    {
        using EspSecurityAssociation sa = NewSa();
        byte[] packet = Encrypt(sa, Payload(84));

        // 8 header + 8 IV + (84 + 2 pad + 2) + 12 ICV, as in the sunrise-sunset capture.
        Assert.Equal(8 + 8 + 88 + 12, packet.Length);
        Assert.Equal([0xC0, 0xFF, 0xEE, 0x01, 0, 0, 0, 1], packet[..8]);
        Assert.Equal(Iv(8), packet[8..16]);

        using EspSecurityAssociation receiver = NewSa();
        byte[] plain = new byte[88];
        receiver.TryDecrypt(packet, plain, out _, out _, out _);
        Assert.Equal([1, 2, 2, IpInIp], plain[84..]);
    }

    [Fact]
    public void Encrypt_PayloadAlreadyAtPayloadOffset_EncryptsInPlace()
    {
        using EspSecurityAssociation sender = NewSa();
        using EspSecurityAssociation receiver = NewSa();
        byte[] payload = Payload(61);
        byte[] buffer = new byte[sender.GetEncryptedLength(61)];
        payload.CopyTo(buffer, sender.PayloadOffset);

        int length = sender.Encrypt(
            buffer.AsSpan(sender.PayloadOffset, 61), IpInIp, buffer, Iv(8));
        bool ok = receiver.TryDecrypt(buffer.AsSpan(0, length),
            buffer.AsSpan(receiver.PayloadOffset), out int payloadLength, out _, out _);

        Assert.True(ok);
        Assert.Equal(payload, buffer.AsSpan(receiver.PayloadOffset, payloadLength).ToArray());
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void TryDecrypt_TamperedIcvOrCiphertext_IcvFailure(
        EspEncryptionAlgorithm encryption, int keyLength, EspIntegrityAlgorithm integrity,
        int integrityKeyLength)
    {
        using EspSecurityAssociation sender =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        using EspSecurityAssociation receiver =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        byte[] first = Encrypt(sender, Payload(50));
        byte[] second = Encrypt(sender, Payload(50));
        first[^1] ^= 0x01;
        second[sender.PayloadOffset + 3] ^= 0x80;

        Assert.False(receiver.TryDecrypt(first, new byte[100], out _, out _, out var r1));
        Assert.False(receiver.TryDecrypt(second, new byte[100], out _, out _, out var r2));

        Assert.Equal(EspDropReason.IcvFailure, r1);
        Assert.Equal(EspDropReason.IcvFailure, r2);
        Assert.Equal(2, receiver.IcvFailures);
        Assert.Equal(0u, receiver.ReplayWindow.Highest);
    }

    [Fact]
    public void TryDecrypt_ReplayedSequence_Replay()
    {
        using EspSecurityAssociation sender = NewSa();
        using EspSecurityAssociation receiver = NewSa();
        byte[] packet = Encrypt(sender, Payload(20));

        Assert.True(receiver.TryDecrypt(packet, new byte[64], out _, out _, out _));
        Assert.False(receiver.TryDecrypt(packet, new byte[64], out _, out _, out var reason));

        Assert.Equal(EspDropReason.Replay, reason);
        Assert.Equal(1, receiver.ReplayFailures);
    }

    [Fact]
    public void TryDecrypt_OtherSpi_SpiMismatch()
    {
        using EspSecurityAssociation sender = NewSa();
        using var receiver = new EspSecurityAssociation(Spi + 1,
            EspEncryptionAlgorithm.TripleDesCbc, Key(24), EspIntegrityAlgorithm.HmacMd596, Key(16));
        byte[] packet = Encrypt(sender, Payload(20));

        Assert.False(receiver.TryDecrypt(packet, new byte[64], out _, out _, out var reason));

        Assert.Equal(EspDropReason.SpiMismatch, reason);
        Assert.Equal(1, receiver.GetDropCount(EspDropReason.SpiMismatch));
    }

    [Fact]
    public void TryDecrypt_WrongIntegrityKeyButSkipIcvCheck_Decrypts()
    {
        using EspSecurityAssociation sender = NewSa();
        using var receiver = new EspSecurityAssociation(Spi, EspEncryptionAlgorithm.TripleDesCbc,
            Key(24), EspIntegrityAlgorithm.HmacMd596, [])
        { SkipIcvCheck = true };
        byte[] packet = Encrypt(sender, Payload(20));

        Assert.True(receiver.TryDecrypt(packet, new byte[64], out int length, out _, out _));
        Assert.Equal(20, length);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void TryDecrypt_EveryPrefixAndBitFlip_NeverThrows(
        EspEncryptionAlgorithm encryption, int keyLength, EspIntegrityAlgorithm integrity,
        int integrityKeyLength)
    {
        using EspSecurityAssociation sender =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        using EspSecurityAssociation receiver =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        byte[] packet = Encrypt(sender, Payload(33));
        byte[] plain = new byte[packet.Length];

        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(receiver.TryDecrypt(packet.AsSpan(0, length), plain, out _, out _,
                out var reason));
            Assert.NotEqual(EspDropReason.None, reason);
        }

        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(receiver.TryDecrypt(packet, plain, out _, out _, out _));
            packet[bit / 8] ^= (byte)(1 << (bit % 8));
        }

        Assert.True(receiver.TryDecrypt(packet, plain, out _, out _, out _));
    }

    [Fact]
    public void TryDecrypt_AuthenticPacketWithBadPadding_BadPadding()
    {
        // A packet whose ICV is right but whose padding is not 1, 2, 3..., as a buggy
        // peer would send: 14 payload bytes, padding 1 2 3 9 5 6 7 8, pad length 8.
        using EspSecurityAssociation receiver = NewSa();
        byte[] body = [.. Payload(14), 1, 2, 3, 9, 5, 6, 7, 8, 8, IpInIp];
        byte[] packet = [0xC0, 0xFF, 0xEE, 0x01, 0, 0, 0, 1, .. Iv(8), .. new byte[24 + 12]];
        using (var raw = Ike.CbcCipherTestAccess.TripleDes(Key(24)))
        {
            raw.Encrypt(Iv(8), body, packet.AsSpan(16, 24));
        }

        byte[] icv = System.Security.Cryptography.HMACMD5.HashData(Key(16), packet[..40]);
        icv.AsSpan(0, 12).CopyTo(packet.AsSpan(40));

        Assert.False(receiver.TryDecrypt(packet, new byte[64], out _, out _, out var reason));

        Assert.Equal(EspDropReason.BadPadding, reason);
        Assert.Equal(1u, receiver.ReplayWindow.Highest);
    }

    [Fact]
    public void ManagedAndNativeCiphers_Interoperate()
    {
        using EspSecurityAssociation sender = NewSa();
        using var receiver = new EspSecurityAssociation(Spi, EspEncryptionAlgorithm.TripleDesCbc,
            Key(24), EspIntegrityAlgorithm.HmacMd596, Key(16), forceManagedCipher: true);
        byte[] packet = Encrypt(sender, Payload(100));

        Assert.True(receiver.TryDecrypt(packet, new byte[128], out int length, out _, out _));
        Assert.Equal(100, length);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void EncryptAndDecrypt_SteadyState_AllocateNothing(
        EspEncryptionAlgorithm encryption, int keyLength, EspIntegrityAlgorithm integrity,
        int integrityKeyLength)
    {
        using EspSecurityAssociation sender =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        using EspSecurityAssociation receiver =
            NewSa(encryption, keyLength, integrity, integrityKeyLength);
        byte[] payload = Payload(1400);
        byte[] packet = new byte[1500];
        byte[] plain = new byte[1500];
        byte[] iv = Iv(sender.IvLength);
        RoundTrip(10);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RoundTrip(100);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        void RoundTrip(int count)
        {
            for (int i = 0; i < count; i++)
            {
                int length = sender.Encrypt(payload, IpInIp, packet, iv);
                receiver.TryDecrypt(packet.AsSpan(0, length), plain, out _, out _, out _);
            }
        }
    }

    private static EspSecurityAssociation NewSa(
        EspEncryptionAlgorithm encryption = EspEncryptionAlgorithm.TripleDesCbc,
        int keyLength = 24,
        EspIntegrityAlgorithm integrity = EspIntegrityAlgorithm.HmacMd596,
        int integrityKeyLength = 16) =>
        new(Spi, encryption, Key(keyLength), integrity, Key(integrityKeyLength));

    private static byte[] Encrypt(EspSecurityAssociation sa, byte[] payload)
    {
        byte[] packet = new byte[sa.GetEncryptedLength(payload.Length)];
        int length = sa.Encrypt(payload, IpInIp, packet, Iv(sa.IvLength));
        Assert.Equal(packet.Length, length);
        return packet;
    }

    internal static byte[] Key(int length) =>
        Enumerable.Range(0, length).Select(i => (byte)(0x5A ^ (i * 13))).ToArray();

    private static byte[] Iv(int length) =>
        Enumerable.Range(0, length).Select(i => (byte)(0xA0 + i)).ToArray();

    private static byte[] Payload(int length) =>
        Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
}

using System.Security.Cryptography;
using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

// The expected values are recomputed here straight from the formulas of RFC 2409 5 and
// Appendix B with HMACMD5 / HMACSHA1, independently of IkePrf.
public class Ikev1KeyMaterialTests
{
    private static readonly byte[] PreSharedKey = "cisco123"u8.ToArray();
    private static readonly byte[] Ni = Bytes(20, 0x11);
    private static readonly byte[] Nr = Bytes(20, 0x22);
    private static readonly byte[] Gxy = Bytes(128, 0x33);
    private static readonly byte[] CookieI = Bytes(8, 0x44);
    private static readonly byte[] CookieR = Bytes(8, 0x55);

    [Fact]
    public void FromPreSharedKey_Md5TripleDes_SkeyidChainAndExpandedKey()
    {
        var keys = Derive(IkeHashAlgorithm.Md5, IsakmpEncryptionAlgorithm.TripleDesCbc);

        byte[] skeyid = HmacMd5(PreSharedKey, [.. Ni, .. Nr]);
        byte[] d = HmacMd5(skeyid, [.. Gxy, .. CookieI, .. CookieR, 0]);
        byte[] a = HmacMd5(skeyid, [.. d, .. Gxy, .. CookieI, .. CookieR, 1]);
        byte[] e = HmacMd5(skeyid, [.. a, .. Gxy, .. CookieI, .. CookieR, 2]);
        // Appendix B: 16-byte SKEYID_e is short of 24, so K1 = prf(e, 0), K2 = prf(e, K1).
        byte[] k1 = HmacMd5(e, [0]);
        byte[] k2 = HmacMd5(e, k1);

        Assert.Equal(skeyid, keys.Skeyid);
        Assert.Equal(d, keys.SkeyidD);
        Assert.Equal(a, keys.SkeyidA);
        Assert.Equal(e, keys.SkeyidE);
        Assert.Equal([.. k1, .. k2[..8]], keys.EncryptionKey);
    }

    [Fact]
    public void FromPreSharedKey_Sha1Aes128_KeyIsLeadingBytesOfSkeyidE()
    {
        var keys = Derive(IkeHashAlgorithm.Sha1, IsakmpEncryptionAlgorithm.AesCbc128);

        Assert.Equal(20, keys.SkeyidE.Length);
        Assert.Equal(keys.SkeyidE[..16], keys.EncryptionKey);
    }

    [Fact]
    public void FromPreSharedKey_Sha1Aes256_ExpandsToThirtyTwoBytes()
    {
        var keys = Derive(IkeHashAlgorithm.Sha1, IsakmpEncryptionAlgorithm.AesCbc256);

        byte[] k1 = HmacSha1(keys.SkeyidE, [0]);
        byte[] k2 = HmacSha1(keys.SkeyidE, k1);
        Assert.Equal([.. k1, .. k2[..12]], keys.EncryptionKey);
    }

    [Fact]
    public void ComputeHashIAndHashR_FollowRfcOrder()
    {
        var keys = Derive(IkeHashAlgorithm.Sha1, IsakmpEncryptionAlgorithm.TripleDesCbc);
        byte[] gxi = Bytes(128, 1), gxr = Bytes(128, 2), sa = Bytes(52, 3);
        byte[] idi = [1, 17, 1, 244, 10, 0, 0, 1], idr = [1, 17, 1, 244, 10, 0, 0, 2];

        byte[] hashI = keys.ComputeHashI(gxi, gxr, sa, idi);
        byte[] hashR = keys.ComputeHashR(gxi, gxr, sa, idr);

        Assert.Equal(HmacSha1(keys.Skeyid,
            [.. gxi, .. gxr, .. CookieI, .. CookieR, .. sa, .. idi]), hashI);
        Assert.Equal(HmacSha1(keys.Skeyid,
            [.. gxr, .. gxi, .. CookieR, .. CookieI, .. sa, .. idr]), hashR);
    }

    [Fact]
    public void Ivs_Phase1AndPhase2_AreTruncatedHashes()
    {
        var keys = Derive(IkeHashAlgorithm.Md5, IsakmpEncryptionAlgorithm.TripleDesCbc);
        byte[] gxi = Bytes(128, 1), gxr = Bytes(128, 2), lastBlock = Bytes(8, 9);

        Assert.Equal(Md5([.. gxi, .. gxr])[..8], keys.ComputePhase1Iv(gxi, gxr));
        Assert.Equal(Md5([.. lastBlock, 0xDE, 0xAD, 0xBE, 0xEF])[..8],
            keys.ComputePhase2Iv(lastBlock, 0xDEADBEEF));
    }

    [Fact]
    public void QuickModeHashes_FollowRfc2409Section55()
    {
        var keys = Derive(IkeHashAlgorithm.Md5, IsakmpEncryptionAlgorithm.TripleDesCbc);
        byte[] mid = [0x12, 0x34, 0x56, 0x78];
        byte[] rest = Bytes(60, 7), ni = Bytes(16, 5), nr = Bytes(16, 6);

        Assert.Equal(HmacMd5(keys.SkeyidA, [.. mid, .. rest]),
            keys.ComputeQuickModeHash1(0x12345678, rest));
        Assert.Equal(HmacMd5(keys.SkeyidA, [.. mid, .. ni, .. rest]),
            keys.ComputeQuickModeHash2(0x12345678, ni, rest));
        Assert.Equal(HmacMd5(keys.SkeyidA, [0, .. mid, .. ni, .. nr]),
            keys.ComputeQuickModeHash3(0x12345678, ni, nr));
        Assert.Equal(keys.ComputeQuickModeHash1(0x12345678, rest),
            keys.ComputeInformationalHash(0x12345678, rest));
    }

    [Fact]
    public void ComputeQuickModeKeymat_ThreeDesPlusMd5_ChainsBlocks()
    {
        var keys = Derive(IkeHashAlgorithm.Md5, IsakmpEncryptionAlgorithm.TripleDesCbc);
        byte[] ni = Bytes(16, 5), nr = Bytes(16, 6);
        byte[] seed = [3, 0xC0, 0xFF, 0xEE, 0x01, .. ni, .. nr];

        byte[] keymat = keys.ComputeQuickModeKeymat(3, 0xC0FFEE01, ni, nr, 40);

        byte[] k1 = HmacMd5(keys.SkeyidD, seed);
        byte[] k2 = HmacMd5(keys.SkeyidD, [.. k1, .. seed]);
        byte[] k3 = HmacMd5(keys.SkeyidD, [.. k2, .. seed]);
        Assert.Equal([.. k1, .. k2, .. k3[..8]], keymat);
        Assert.NotEqual(keymat, keys.ComputeQuickModeKeymat(3, 0xC0FFEE02, ni, nr, 40));
    }

    [Fact]
    public void FromPreSharedKey_BothPeersAfterRealDh_DeriveSameKeys()
    {
        DiffieHellman dh = DiffieHellman.Default;
        DiffieHellmanKeyPair initiator = dh.GenerateKeyPair(ModpGroup.Group2, new Random(1));
        DiffieHellmanKeyPair responder = dh.GenerateKeyPair(ModpGroup.Group2, new Random(2));
        dh.TryComputeSharedSecret(initiator, responder.PublicValue, out byte[]? gxyI);
        dh.TryComputeSharedSecret(responder, initiator.PublicValue, out byte[]? gxyR);

        var suite = (IkeHashAlgorithm.Md5, IsakmpEncryptionAlgorithm.TripleDesCbc);
        var i = Ikev1KeyMaterial.FromPreSharedKey(
            suite.Item1, suite.Item2, PreSharedKey, Ni, Nr, gxyI!, CookieI, CookieR);
        var r = Ikev1KeyMaterial.FromPreSharedKey(
            suite.Item1, suite.Item2, PreSharedKey, Ni, Nr, gxyR!, CookieI, CookieR);

        Assert.Equal(i.EncryptionKey, r.EncryptionKey);
        Assert.Equal(i.SkeyidD, r.SkeyidD);
    }

    private static Ikev1KeyMaterial Derive(
        IkeHashAlgorithm hash, IsakmpEncryptionAlgorithm encryption) =>
        Ikev1KeyMaterial.FromPreSharedKey(
            hash, encryption, PreSharedKey, Ni, Nr, Gxy, CookieI, CookieR);

    private static byte[] HmacMd5(byte[] key, byte[] data) => HMACMD5.HashData(key, data);

    private static byte[] HmacSha1(byte[] key, byte[] data) => HMACSHA1.HashData(key, data);

    private static byte[] Md5(byte[] data) => MD5.HashData(data);

    private static byte[] Bytes(int length, byte seed) =>
        Enumerable.Range(0, length).Select(i => (byte)(seed * 31 + i)).ToArray();
}

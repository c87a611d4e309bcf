using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

// RFC 2202 test cases 1 and 2 for HMAC-MD5 and HMAC-SHA-1: the IKEv1 prf and the
// ESP HMAC-96 algorithms (RFC 2403, RFC 2404) both rest on these.
public class IkePrfTests
{
    [Theory]
    [InlineData(IkeHashAlgorithm.Md5, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "Hi There",
        "9294727a3638bb1c13f48ef8158bfc9d")]
    [InlineData(IkeHashAlgorithm.Md5, "4a656665", "what do ya want for nothing?",
        "750c783e6ab0b503eaa86e310a5db738")]
    [InlineData(IkeHashAlgorithm.Sha1, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "Hi There",
        "b617318655057264e28bc0b6fb378c8ef146be00")]
    [InlineData(IkeHashAlgorithm.Sha1, "4a656665", "what do ya want for nothing?",
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    public void Compute_Rfc2202Vector_MatchesDigest(
        IkeHashAlgorithm hash, string keyHex, string data, string digestHex)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(data);

        byte[] whole = IkePrf.Compute(hash, Convert.FromHexString(keyHex), bytes);
        byte[] split = IkePrf.Compute(hash, Convert.FromHexString(keyHex), bytes[..3], bytes[3..]);

        Assert.Equal(digestHex, Convert.ToHexStringLower(whole));
        Assert.Equal(whole, split);
    }
}

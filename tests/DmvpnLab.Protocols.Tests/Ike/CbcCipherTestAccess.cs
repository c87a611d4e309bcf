using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

/// <summary>A raw CBC cipher for tests that build ESP or ISAKMP bytes by hand.</summary>
internal static class CbcCipherTestAccess
{
    public static CbcCipher TripleDes(byte[] key) =>
        CbcCipher.Create(BlockCipherKind.TripleDes, key);
}

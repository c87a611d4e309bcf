using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

public class CbcCipherTests
{
    // FIPS 81 Appendix C DES-CBC example ("Now is the time for all "); with K1 = K2 = K3
    // DES-EDE3 is single DES. The second vector, with three distinct keys, was produced by
    // `openssl enc -des-ede3-cbc -nopad` (OpenSSL 3.0, Debian 12) as a regression value.
    // .NET's TripleDES refuses K1 = K2 ("known weak key"), so only libcrypto runs the first.
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef", "1234567890abcdef",
        "4e6f77206973207468652074696d6520666f7220616c6c20",
        "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6", false)]
    [InlineData("0123456789abcdef23456789abcdef01456789abcdef0123", "1234567890abcdef",
        "4e6f77206973207468652074696d6520666f7220616c6c20",
        "f3c0ff026c023089656fbb169def7edb30ba36075d6f0176", true)]
    public void TripleDes_KnownAnswer_BothImplementationsMatch(
        string keyHex, string ivHex, string plainHex, string cipherHex, bool managedToo)
    {
        foreach (bool forceManaged in managedToo ? new[] { false, true } : [false])
        {
            using CbcCipher cipher = CbcCipher.Create(
                BlockCipherKind.TripleDes, Convert.FromHexString(keyHex), forceManaged);
            byte[] buffer = Convert.FromHexString(plainHex);

            cipher.Encrypt(Convert.FromHexString(ivHex), buffer, buffer);
            Assert.Equal(cipherHex, Convert.ToHexStringLower(buffer));

            cipher.Decrypt(Convert.FromHexString(ivHex), buffer, buffer);
            Assert.Equal(plainHex, Convert.ToHexStringLower(buffer));
        }
    }

    // RFC 3602 4, case #2: AES-128-CBC, two blocks.
    [Fact]
    public void Aes128_Rfc3602Case2_BothImplementationsMatch()
    {
        byte[] key = Convert.FromHexString("c286696d887c9aa0611bbb3e2025a45a");
        byte[] iv = Convert.FromHexString("562e17996d093d28ddb3ba695a2e6f58");
        string plain = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        string expected = "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1";

        foreach (bool forceManaged in new[] { false, true })
        {
            using CbcCipher cipher = CbcCipher.Create(BlockCipherKind.Aes, key, forceManaged);
            byte[] buffer = Convert.FromHexString(plain);
            cipher.Encrypt(iv, buffer, buffer);
            Assert.Equal(expected, Convert.ToHexStringLower(buffer));
        }
    }

    [Fact]
    public void Create_LibCryptoPresentOnThisMachine_IsNative()
    {
        using CbcCipher cipher = CbcCipher.Create(BlockCipherKind.TripleDes, new byte[24]);

        Assert.IsType<LibCryptoCbcCipher>(cipher);
    }
}

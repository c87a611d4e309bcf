using System.Text.RegularExpressions;

namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// Current configs load and run with real cryptography: AES and SHA-2 in the ISAKMP policy
/// (IKEv1 prf HMAC-SHA-2), DH groups 5 and 14, esp-aes with esp-sha*-hmac and esp-gcm.
/// </summary>
public class ModernCryptoTests
{
    [Fact]
    public void Aes256Sha256Group14_PingAcross_ShowsTheSuite()
    {
        using var lab = ProtectedTunnelLab.Boot(policy: ProtectedTunnelLab.ModernPolicy);

        lab.Execute("R1", "ping 172.16.1.2");
        string ping = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 100 percent (5/5)", ping);
        string sa = lab.Execute("R1", "show crypto ipsec sa");
        Assert.Contains("        transform: esp-256-aes esp-sha256-hmac ,\n", sa);
        Assert.Contains("        IV size: 16 bytes\n", sa);
        Assert.Contains("#pkts decaps: 9, #pkts decrypt: 9, #pkts verify: 9", sa);
        Assert.Matches(@"\n1001  10\.0\.0\.1        10\.0\.0\.2               ACTIVE aes  sha256 " +
            @"psk  14 23:59:5\d", lab.Execute("R1", "show crypto isakmp sa detail"));
        string policy = lab.Execute("R1", "show crypto isakmp policy");
        Assert.Contains("hash algorithm:         Secure Hash Standard 2 (256 bit)", policy);
        Assert.Contains("Diffie-Hellman group:   #14 (2048 bit)", policy);
    }

    [Theory]
    [InlineData("sha384", "5", "esp-aes 192 esp-sha384-hmac", "esp-192-aes esp-sha384-hmac ")]
    [InlineData("sha512", "14", "esp-aes esp-sha512-hmac", "esp-aes esp-sha512-hmac ")]
    [InlineData("sha", "2", "esp-3des esp-sha-hmac", "esp-3des esp-sha-hmac ")]
    [InlineData("sha256", "14", "esp-gcm 256", "esp-gcm 256 ")]
    [InlineData("md5", "2", "esp-gcm", "esp-gcm ")]
    public void OtherSuites_PingAcross(string hash, string group, string transforms,
        string shown)
    {
        string policy = ProtectedTunnelLab.ModernPolicy
            .Replace("hash sha256", "hash " + hash)
            .Replace("group 14", "group " + group)
            .Replace("esp-aes 256 esp-sha256-hmac", transforms);
        using var lab = ProtectedTunnelLab.Boot(policy: policy);

        lab.Execute("R1", "ping 172.16.1.2");
        string ping = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 100 percent (5/5)", ping);
        Assert.Contains($"        transform: {shown},\n",
            lab.Execute("R2", "show crypto ipsec sa"));
        // SHA-1 is IOS's default hash, which the running config leaves out.
        string config = lab.Execute("R1", "show running-config");
        Assert.Equal(hash != "sha", config.Contains($" hash {hash}\n"));
    }

    [Fact]
    public void GcmWithAnHmac_RefusedWithIosMessage()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "configure terminal");

        string output = lab.Execute("R1", "crypto ipsec transform-set G esp-gcm 256 esp-sha-hmac");

        Assert.Contains("% Invalid input detected at '^' marker.", output);
    }

    [Fact]
    public void MismatchedHash_NoSaComesUp()
    {
        using var lab = ProtectedTunnelLab.Boot(policy: ProtectedTunnelLab.ModernPolicy);
        lab.Execute("R2", "configure terminal");
        lab.Execute("R2", "crypto isakmp policy 10");
        lab.Execute("R2", "hash sha384");
        lab.Execute("R2", "end");

        string ping = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 0 percent (0/5)", ping);
        Assert.Matches(new Regex(@"MM_NO_STATE +0 ACTIVE"), lab.Execute("R1",
            "show crypto isakmp sa"));
        Assert.Contains(" hash sha384\n", lab.Execute("R2", "show running-config"));
    }
}

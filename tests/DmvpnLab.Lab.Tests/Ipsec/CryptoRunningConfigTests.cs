namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>`show running-config` prints the lab notes' crypto config as IOS 15 does.</summary>
public class CryptoRunningConfigTests
{
    [Fact]
    public void RunningConfig_LabNotesCrypto_IosBlocks()
    {
        using var lab = ProtectedTunnelLab.Boot();

        string config = lab.Execute("R1", "show running-config");

        Assert.Contains("!\n" +
            "crypto isakmp policy 1\n" +
            " encr 3des\n" +
            " hash md5\n" +
            " authentication pre-share\n" +
            " group 2\n" +
            "crypto isakmp key isakmp1234 address 0.0.0.0        \n" +
            "!\n" +
            "!\n" +
            "crypto ipsec transform-set TS esp-3des esp-md5-hmac \n" +
            " mode tunnel\n" +
            "!\n" +
            "crypto ipsec profile PROTECT-GRE\n" +
            " set security-association lifetime seconds 86400\n" +
            " set transform-set TS \n" +
            "!\n", config);
        Assert.True(config.IndexOf("crypto ipsec profile", StringComparison.Ordinal)
            < config.IndexOf("interface Tunnel1", StringComparison.Ordinal));
        Assert.Contains(" tunnel destination 10.0.0.2\n" +
            " tunnel protection ipsec profile PROTECT-GRE\n",
            lab.Execute("R1", "show running-config interface Tunnel1"));
    }

    [Fact]
    public void RunningConfig_DefaultsOmitted_HostKeyAndAesTransform()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "configure terminal");
        lab.Execute("R1", "crypto isakmp policy 20");
        lab.Execute("R1", "encryption aes 256");
        lab.Execute("R1", "lifetime 3600");
        lab.Execute("R1", "exit");
        lab.Execute("R1", "crypto isakmp key hostkey address 10.0.0.9");
        lab.Execute("R1", "crypto ipsec transform-set AES esp-aes 256 esp-sha-hmac");
        lab.Execute("R1", "mode transport");
        lab.Execute("R1", "end");

        string config = lab.Execute("R1", "show running-config");

        Assert.Contains("crypto isakmp policy 20\n encr aes 256\n lifetime 3600\n" +
            "crypto isakmp key isakmp1234 address 0.0.0.0        \n" +
            "crypto isakmp key hostkey address 10.0.0.9\n", config);
        Assert.Contains("crypto ipsec transform-set AES esp-aes 256 esp-sha-hmac \n" +
            " mode transport\n", config);
    }
}

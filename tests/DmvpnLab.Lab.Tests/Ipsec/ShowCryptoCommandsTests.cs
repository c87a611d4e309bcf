using System.Text.RegularExpressions;

namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// The crypto show commands engineers reach for, on the protected pair after a ping:
/// transform sets, profiles (refdata phase3-iol-lab-log's layout), the tunnel's dynamic
/// crypto map, sockets, the brief session list and the crypto engine's connections.
/// </summary>
public class ShowCryptoCommandsTests
{
    [Fact]
    public void ShowCryptoIpsecProfile_RefdataLayout_DefaultProfileListed()
    {
        using var lab = ProtectedTunnelLab.Boot(policy: ProtectedTunnelLab.ModernPolicy
            .Replace("PROTECT-GRE", "DMVPN-PROF"));

        string output = lab.Execute("R1", "show crypto ipsec profile");

        // Verbatim from the refdata (RT01# show crypto ipsec profile), tabs included.
        Assert.Equal("IPSEC profile DMVPN-PROF\n" +
            "\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n" +
            "\tDualstack (Y/N): N\n\n" +
            "\tResponder-Only (Y/N): N\n" +
            "\tPFS (Y/N): N\n" +
            "\tMixed-mode : Disabled\n" +
            "\tTransform sets={ \n" +
            "\t\tTS:  { esp-256-aes esp-sha256-hmac  } , \n" +
            "\t}\n\n" +
            "IPSEC profile default\n" +
            "\tSecurity association lifetime: 4608000 kilobytes/3600 seconds\n" +
            "\tDualstack (Y/N): N\n\n" +
            "\tResponder-Only (Y/N): N\n" +
            "\tPFS (Y/N): N\n" +
            "\tMixed-mode : Disabled\n" +
            "\tTransform sets={ \n" +
            "\t\tdefault:  { esp-aes esp-sha-hmac  } , \n" +
            "\t}\n\n", output);
        Assert.StartsWith("IPSEC profile default\n",
            lab.Execute("R1", "show crypto ipsec profile default"));
    }

    [Fact]
    public void ShowCryptoIpsecTransformSet_DefaultThenConfigured()
    {
        using var lab = ProtectedTunnelLab.Boot();

        Assert.Equal("Transform set default: { esp-aes esp-sha-hmac  } \n" +
            "   will negotiate = { Transport,  }, \n" +
            "   \n" +
            "Transform set TS: { esp-3des esp-md5-hmac  } \n" +
            "   will negotiate = { Tunnel,  }, \n" +
            "   \n", lab.Execute("R1", "show crypto ipsec transform-set"));
        Assert.StartsWith("Transform set TS:",
            lab.Execute("R1", "show crypto ipsec transform-set TS"));
    }

    [Fact]
    public void ShowCryptoMap_TunnelHeadMapWithAProfileInstancePerPeer()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        string output = lab.Execute("R1", "show crypto map");

        Assert.StartsWith("Crypto Map IPv4 \"Tunnel1-head-0\" 65536 ipsec-isakmp\n" +
            "\tProfile name: PROTECT-GRE\n" +
            "\tSecurity association lifetime: 4608000 kilobytes/86400 seconds\n", output);
        Assert.Contains("Crypto Map IPv4 \"Tunnel1-head-0\" 65537 ipsec-isakmp\n" +
            "\tMap is a PROFILE INSTANCE.\n" +
            "\tPeer = 10.0.0.2\n" +
            "\tExtended IP access list \n" +
            "\t    access-list  permit gre host 10.0.0.1 host 10.0.0.2\n" +
            "\tCurrent peer: 10.0.0.2\n", output);
        Assert.Equal(2, Regex.Matches(output, @"\t\tTS:  \{ esp-3des esp-md5-hmac  \} , ").Count);
        Assert.EndsWith("\tInterfaces using crypto map Tunnel1-head-0:\n\t\tTunnel1\n\n", output);
    }

    [Fact]
    public void ShowCryptoSocket_OpenWithSasClosedAfterClear()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        string open = lab.Execute("R1", "show crypto socket");
        lab.Execute("R1", "clear crypto sa");
        string closed = lab.Execute("R1", "show crypto socket");

        Assert.Equal("\nNumber of Crypto Socket connections 1\n\n" +
            "   Tu1 Peers (local/remote): 10.0.0.1/10.0.0.2\n" +
            "       Local Ident  (addr/mask/port/prot): (10.0.0.1/255.255.255.255/0/47)\n" +
            "       Remote Ident (addr/mask/port/prot): (10.0.0.2/255.255.255.255/0/47)\n" +
            "       IPSec Profile: \"PROTECT-GRE\"\n" +
            "       Socket State: Open\n" +
            "       Client: \"TUNNEL SEC\" (Client State: Active)\n" +
            "Crypto Sockets in Listen state:\n" +
            "Client: \"TUNNEL SEC\" Profile: \"PROTECT-GRE\" Map-name: \"Tunnel1-head-0\"\n\n",
            open);
        Assert.Contains("       Socket State: Closed\n", closed);
    }

    [Fact]
    public void ShowCryptoSessionBrief_UpActiveLine()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal("Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, " +
            "N - Negotiating \n" +
            "        K - No IKE\n" +
            "ivrf = (none)\n" +
            "Peer            I/F          Username        Group/Phase1_id          " +
            "Uptime   Status\n" +
            "10.0.0.2        Tu1                          10.0.0.2                 " +
            "00:00:1X UA\n\n",
            Regex.Replace(lab.Execute("R1", "show crypto session brief"),
                @"00:00:1\d", "00:00:1X"));
    }

    [Fact]
    public void ShowCryptoEngineConnectionsActive_EspPairAndIkeSa()
    {
        using var lab = ProtectedTunnelLab.Boot(policy: ProtectedTunnelLab.ModernPolicy);
        lab.Execute("R1", "ping 172.16.1.2");

        string output = lab.Execute("R1", "show crypto engine connections active");

        Assert.Equal("  Crypto Engine Connections\n\n" +
            "     ID  Type    Algorithm      Encrypt  Decrypt LastSeqN IP-Address\n" +
            "      1  IPsec   AES256+SHA256        0        4        4 10.0.0.1\n" +
            "      2  IPsec   AES256+SHA256        4        0        0 10.0.0.1\n" +
            "   1001  IKE     SHA256+AES256        0        0        0 10.0.0.1\n\n", output);
    }
}

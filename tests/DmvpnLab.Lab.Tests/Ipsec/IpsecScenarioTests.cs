using System.Text.RegularExpressions;

namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// Two IOS routers with a protected GRE tunnel, driven through their CLI as the lab notes
/// do: ping, then the notes' troubleshooting commands.
/// </summary>
public class IpsecScenarioTests
{
    [Fact]
    public void PointToPoint_PingAcross_QmIdleAndCountersOnBothSides()
    {
        using var lab = ProtectedTunnelLab.Boot();

        string first = lab.Execute("R1", "ping 172.16.1.2");
        string second = lab.Execute("R1", "ping 172.16.1.2");

        // IOS drops the packet that triggers IKE, as the first dot shows.
        Assert.Contains(".!!!!", first);
        Assert.Contains("Success rate is 100 percent (5/5)", second);
        string isakmp = lab.Execute("R1", "show crypto isakmp sa");
        Assert.Equal("""
            IPv4 Crypto ISAKMP SA
            dst             src             state          conn-id status
            10.0.0.2        10.0.0.1        QM_IDLE           1001 ACTIVE

            IPv6 Crypto ISAKMP SA


            """, isakmp);
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +QM_IDLE +1001 ACTIVE",
            lab.Execute("R2", "show crypto isakmp sa"));
        Assert.Equal("""
               current_peer 10.0.0.2 port 500
                #pkts encaps: 9, #pkts encrypt: 9, #pkts digest: 9
                #pkts decaps: 9, #pkts decrypt: 9, #pkts verify: 9

            """, lab.Execute("R1", "show crypto ipsec sa | inc crypt:|current_peer"));
    }

    [Fact]
    public void ShowCryptoIpsecSa_FullIosBlock()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        string output = lab.Execute("R1", "show crypto ipsec sa");

        Assert.StartsWith("\ninterface: Tunnel1\n" +
            "    Crypto map tag: Tunnel1-head-0, local addr 10.0.0.1\n\n" +
            "   protected vrf: (none)\n" +
            "   local  ident (addr/mask/prot/port): (10.0.0.1/255.255.255.255/47/0)\n" +
            "   remote ident (addr/mask/prot/port): (10.0.0.2/255.255.255.255/47/0)\n" +
            "   current_peer 10.0.0.2 port 500\n" +
            "     PERMIT, flags={origin_is_acl,}\n", output);
        Assert.Contains("    #send errors 0, #recv errors 0\n", output);
        Assert.Contains("     plaintext mtu 1446, path mtu 1500, ip mtu 1500, " +
            "ip mtu idb GigabitEthernet0/0\n", output);
        Assert.Matches(@"current outbound spi: 0x([0-9A-F]+)\((\d+)\)", output);
        Assert.Contains("        transform: esp-3des esp-md5-hmac ,\n", output);
        Assert.Contains("        in use settings ={Tunnel, }\n", output);
        Assert.Contains("        conn id: 1, flow_id: SW:1, sibling_flags 80000000, " +
            "crypto map: Tunnel1-head-0\n", output);
        Assert.Matches(@"remaining key lifetime \(k/sec\): \(46079\d\d/86\d\d\d\)", output);
        Assert.Contains("        IV size: 8 bytes\n", output);
        Assert.Equal(2, Regex.Matches(output, @"Status: ACTIVE\(ACTIVE\)").Count);
        var outbound = Regex.Match(output, @"current outbound spi: (0x[0-9A-F]+)");
        Assert.Matches(@"outbound esp sas:\n      spi: " + outbound.Groups[1].Value, output);
    }

    [Fact]
    public void ShowCryptoIsakmpSaDetail_IosColumns()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        string detail = lab.Execute("R1", "show crypto isakmp sa detail");

        Assert.Contains("C-id  Local           Remote          I-VRF  Status Encr Hash   " +
            "Auth DH Lifetime Cap.\n", detail);
        Assert.Matches(@"\n1001  10\.0\.0\.1        10\.0\.0\.2               ACTIVE 3des md5    " +
            @"psk  2  23:59:5\d     \n       Engine-id:Conn-id =  SW:1\n", detail);
    }

    [Fact]
    public void ShowCryptoIsakmpPolicy_AsTheLabNotes()
    {
        using var lab = ProtectedTunnelLab.Boot();

        Assert.Equal("""
            Global IKE policy
            Protection suite of priority 1
                    encryption algorithm:   Three key triple DES
                    hash algorithm:         Message Digest 5
                    authentication method:  Pre-Shared Key
                    Diffie-Hellman group:   #2 (1024 bit)
                    lifetime:               86400 seconds, no volume limit

            """, lab.Execute("R1", "show crypto isakmp policy"));
    }

    [Fact]
    public void ShowCryptoSession_UpActive()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        Assert.Equal("""
            Crypto session current status

            Interface: Tunnel1
            Session status: UP-ACTIVE
            Peer: 10.0.0.2 port 500
              Session ID: 0
              IKEv1 SA: local 10.0.0.1/500 remote 10.0.0.2/500 Active
              IPSEC FLOW: permit 47 host 10.0.0.1 host 10.0.0.2
                    Active SAs: 2, origin: crypto map


            """, lab.Execute("R1", "show crypto session"));
        string detail = lab.Execute("R1", "show crypto session detail");
        Assert.Contains("          Capabilities:(none) connid:1001 lifetime:23:59:5", detail);
        Assert.Matches(@"Inbound:  #pkts dec'ed 4 drop 0 life \(KB/Sec\) 4607999/8639\d", detail);
    }

    [Fact]
    public void WrongPreSharedKey_StuckInMmKeyExch_AsTheNotesSay()
    {
        using var lab = ProtectedTunnelLab.Boot(r1Key: "wrong-key");

        string ping = lab.Execute("R1", "ping 172.16.1.2");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(20));

        Assert.Contains("Success rate is 0 percent (0/5)", ping);
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_KEY_EXCH +1001 ACTIVE",
            lab.Execute("R1", "show crypto isakmp sa"));
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_KEY_EXCH +1001 ACTIVE",
            lab.Execute("R2", "show crypto isakmp sa"));
        Assert.Contains("Session status: DOWN-NEGOTIATING",
            lab.Execute("R1", "show crypto session"));
    }

    [Fact]
    public void PeerUnreachable_MmNoState_ThenDeletedAndRetried_AsTheNotesShow()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R2", "configure terminal");
        lab.Execute("R2", "interface GigabitEthernet0/0");
        lab.Execute("R2", "shutdown");
        lab.Execute("R2", "end");

        lab.Execute("R1", "ping 172.16.1.2");
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_NO_STATE +0 ACTIVE\n",
            lab.Execute("R1", "show crypto isakmp sa"));

        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(52));
        lab.Execute("R1", "ping 172.16.1.2");

        string output = lab.Execute("R1", "show crypto isakmp sa");
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_NO_STATE +0 ACTIVE\n", output);
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_NO_STATE +0 ACTIVE \(deleted\)\n", output);
    }

    [Fact]
    public void ClearCryptoIsakmp_DeletedSaShowsMmNoStateWithItsConnId()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");

        lab.Execute("R1", "clear crypto isakmp");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));

        // As the lab log's hub after a clear: "MM_NO_STATE 1002 ACTIVE (deleted)".
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_NO_STATE +1001 ACTIVE \(deleted\)\n",
            lab.Execute("R1", "show crypto isakmp sa"));
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +MM_NO_STATE +1001 ACTIVE \(deleted\)\n",
            lab.Execute("R2", "show crypto isakmp sa"));
        Assert.DoesNotContain("QM_IDLE", lab.Execute("R1", "show crypto isakmp sa"));
    }

    [Fact]
    public void ClearCryptoSa_NewSpis_PingStillWorks()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "ping 172.16.1.2");
        string spi = Regex.Match(lab.Execute("R1", "show crypto ipsec sa"),
            @"current outbound spi: (\S+)").Groups[1].Value;

        lab.Execute("R1", "clear crypto sa");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));
        Assert.Contains("current outbound spi: 0x0(0)", lab.Execute("R2", "show crypto ipsec sa"));
        string ping = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 80 percent (4/5)", ping);
        Assert.DoesNotContain(spi, lab.Execute("R1", "show crypto ipsec sa"));
    }

    [Fact]
    public void TransportMode_PingAcross_InUseSettingsTransport()
    {
        using var lab = ProtectedTunnelLab.Boot(mode: "transport");

        lab.Execute("R1", "ping 172.16.1.2");
        string ping = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 100 percent (5/5)", ping);
        string sa = lab.Execute("R1", "show crypto ipsec sa");
        Assert.Contains("in use settings ={Transport, }", sa);
        Assert.Contains("plaintext mtu 1466,", sa);
    }

    [Fact]
    public void DebugCryptoIsakmp_OnAndOff()
    {
        using var lab = ProtectedTunnelLab.Boot();

        Assert.Equal("Crypto ISAKMP debugging is on\n", lab.Execute("R1", "debug crypto isakmp"));
        Assert.Equal("Crypto IPSEC debugging is on\n", lab.Execute("R1", "debug crypto ipsec"));
        Assert.Contains("crypto isakmp", lab.Lab.Nodes["R1"].Network.Log.EnabledDebugs);
        Assert.Equal("Crypto ISAKMP debugging is off\n",
            lab.Execute("R1", "undebug crypto isakmp"));
    }

    [Fact]
    public void BadTransformSet_RefusedWithIosMessage()
    {
        using var lab = ProtectedTunnelLab.Boot();
        lab.Execute("R1", "configure terminal");

        string output = lab.Execute("R1", "crypto ipsec transform-set BAD esp-foo");

        Assert.Contains("% Invalid input detected at '^' marker.", output);
    }
}

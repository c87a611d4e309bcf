using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Lab.Tests.Nhrp;

public class NhrpRegistrationScenarioTests
{
    [Fact]
    public void HubAndTwoSpokes_Boot_SpokesRegisterAndLabConverges()
    {
        using var lab = DmvpnTestLab.Boot();

        Assert.True(lab.Lab.WaitConverged(TimeSpan.FromSeconds(30)));

        string nhrp = lab.Execute("HUB", "show ip nhrp");
        Assert.Contains("172.16.1.2/32 via 172.16.1.2\n   Tunnel1 created 00:00:", nhrp);
        Assert.Contains("   Type: dynamic, Flags: registered nhop\n   NBMA address: 10.10.10.5",
            nhrp);
        Assert.Contains("172.16.1.3/32 via 172.16.1.3", nhrp);
        Assert.Contains("NBMA address: 10.10.10.9", nhrp);
        Assert.Contains("expire 01:59:5", nhrp);
    }

    [Fact]
    public void Hub_ShowDmvpn_ListsBothSpokesInIosColumns()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(5));

        string dmvpn = lab.Execute("HUB", "show dmvpn");

        Assert.Contains("Interface: Tunnel1, IPv4 NHRP Details \nType:Hub, NHRP Peers:2, \n",
            dmvpn);
        Assert.Contains(" # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb\n" +
            " ----- --------------- --------------- ----- -------- -----\n", dmvpn);
        Assert.Matches(@"\n     1 10\.10\.10\.5           172\.16\.1\.2    UP 00:05:0\d     D\n" +
            @"     1 10\.10\.10\.9           172\.16\.1\.3    UP 00:05:0\d     D\n", dmvpn);
    }

    [Fact]
    public void Spoke_ShowDmvpnAndNhs_StaticHubUpAndResponding()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        string dmvpn = lab.Execute("SPOKE-1", "show dmvpn");
        string nhs = lab.Execute("SPOKE-1", "show ip nhrp nhs detail");
        string nhrp = lab.Execute("SPOKE-1", "show ip nhrp");

        Assert.Contains("Type:Spoke, NHRP Peers:1, ", dmvpn);
        Assert.Matches(
            @"     1 10\.10\.10\.1           172\.16\.1\.1    UP 00:00:0\d     S", dmvpn);
        Assert.Matches(@"172\.16\.1\.1  RE  NBMA Address: 10\.10\.10\.1 priority = 0 cluster = 0" +
            @"  req-sent 1  req-failed 0  repl-recv 1 \(00:00:\d\d ago\)", nhs);
        Assert.Contains("172.16.1.1/32 via 172.16.1.1\n   Tunnel1 created 00:00:", nhrp);
        Assert.Contains("never expire\n   Type: static, Flags:", nhrp);
    }

    [Fact]
    public void Spoke_RunsAnHour_RegistersEveryThirdOfTheHoldTime()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var spoke = NhrpProtocol.For(DmvpnTestLab.Node(lab, "SPOKE-1")).Interfaces.Single();

        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(121));

        // 7200 s hold: one registration at boot, then every 2400 s.
        Assert.Equal(4, spoke.Traffic.Sent(NhrpPacketType.RegistrationRequest));
        Assert.Equal(4, spoke.Traffic.Received(NhrpPacketType.RegistrationReply));
        Assert.Contains("expire 01:", lab.Execute("HUB", "show ip nhrp 172.16.1.2"));
    }

    [Fact]
    public void Spoke2WrongKey_Registers_HubDropsAndCountsAndSpokeKeepsExpecting()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Spoke2Key: "wrong"));

        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(20));

        var hub = NhrpProtocol.For(DmvpnTestLab.Node(lab, "HUB"));
        Assert.True(hub.Drops[NhrpProtocolDropReason.AuthenticationMismatch] >= 4);
        Assert.DoesNotContain("172.16.1.3", lab.Execute("HUB", "show ip nhrp"));
        Assert.Contains("172.16.1.2", lab.Execute("HUB", "show ip nhrp"));
        Assert.Matches(@"172\.16\.1\.1   E  NBMA Address",
            lab.Execute("SPOKE-2", "show ip nhrp nhs"));
        Assert.Contains("Pending Registration Requests:\nRegistration Request: Reqid ",
            lab.Execute("SPOKE-2", "show ip nhrp nhs detail"));
        Assert.False(lab.Lab.AllConverged());
    }
}

public class NhrpNhsDetailScenarioTests
{
    [Fact]
    public void Spoke_ShowIpNhrpNhsDetail_RequestIdAckAndProtectionSocket()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        string nhs = lab.Execute("SPOKE-1", "show ip nhrp nhs detail");

        Assert.Matches(@"repl-recv 1 \(00:00:\d\d ago\)\n Current Request ID: (\d+) \(Ack: \1\)\n" +
            @" Protection Socket Requested: FALSE\n", nhs);
    }
}

public class DmvpnInterfaceScenarioTests
{
    [Fact]
    public void Hub_ShowDmvpnInterfaceTunnel_OnlyThatTunnel()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        string one = lab.Execute("HUB", "show dmvpn interface tunnel 1");
        string other = lab.Execute("HUB", "show dmvpn interface tunnel 2 detail");
        string detail = lab.Execute("HUB", "show dmvpn interface tunnel 1 detail");

        Assert.Contains("Interface: Tunnel1, IPv4 NHRP Details \nType:Hub, NHRP Peers:2, ", one);
        Assert.DoesNotContain("Tunnel1", other);
        Assert.Contains("Interface Tunnel1 is up/up, Addr. is 172.16.1.1", detail);
    }
}

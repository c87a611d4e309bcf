using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>`shutdown` on a DMVPN tunnel, and its source link going down and up.</summary>
public class NhrpTunnelStateScenarioTests
{
    private static void Configure(TestLab lab, string node, string command)
    {
        lab.Execute(node, "configure terminal");
        lab.Execute(node, "interface Tunnel1");
        lab.Execute(node, command);
        lab.Execute(node, "end");
    }

    [Fact]
    public void HubShutdown_ClearsClientsAndShowsAdminDown_NoShutdownBringsThemBack()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var lines = new List<string>();
        DmvpnTestLab.Node(lab, "HUB").Log.Line += (_, line) => lines.Add(line);

        Configure(lab, "HUB", "shutdown");

        Assert.Contains(lines, l => l.StartsWith("%DMVPN-5-NHRP_NHC_DOWN: Tunnel1: Next Hop " +
            "Client : (Tunnel: 172.16.1.2 NBMA: 10.10.10.5 ) for (Tunnel: 172.16.1.1 NBMA: " +
            "10.10.10.1) is DOWN, Reason: External(NHRP: no error)"));
        string dmvpn = lab.Execute("HUB", "show dmvpn");
        Assert.Contains("====\nTunnel1 is admin down\nTunnel1 is admin down\n", dmvpn);
        Assert.DoesNotContain("10.10.10.5", dmvpn);
        Assert.Contains("====\nTunnel1 is admin down\n", lab.Execute("HUB", "show dmvpn detail"));
        Assert.DoesNotContain("172.16.1.2", lab.Execute("HUB", "show ip nhrp"));

        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(2));
        Configure(lab, "HUB", "no shutdown");
        // The spokes notice nothing until their next registration (every 2400 s).
        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(41));

        Assert.Matches(@"     1 10\.10\.10\.5           172\.16\.1\.2    UP 00:0\d:\d\d     D",
            lab.Execute("HUB", "show dmvpn"));
    }

    [Fact]
    public void SpokeShutdown_StopsRegistering_NoShutdownRegistersAndRestartsUpDn()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var spoke = NhrpProtocol.For(DmvpnTestLab.Node(lab, "SPOKE-1")).Interfaces.Single();
        var lines = new List<string>();
        DmvpnTestLab.Node(lab, "SPOKE-1").Log.Line += (_, line) => lines.Add(line);
        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(10));

        Configure(lab, "SPOKE-1", "shutdown");
        long sent = spoke.Traffic.Sent(NhrpPacketType.RegistrationRequest);
        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(90));

        Assert.Contains(lines, l => l.StartsWith("%DMVPN-5-NHRP_NHS_DOWN: Tunnel1: Next Hop " +
            "Server : (Tunnel: 172.16.1.1 NBMA: 10.10.10.1 ) for (Tunnel: 172.16.1.2 NBMA: " +
            "10.10.10.5) is DOWN, Reason: External(NHRP: no error)"));
        Assert.Equal(sent, spoke.Traffic.Sent(NhrpPacketType.RegistrationRequest));
        Assert.Contains("Tunnel1 is admin down", lab.Execute("SPOKE-1", "show dmvpn"));

        Configure(lab, "SPOKE-1", "no shutdown");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(5));

        Assert.True(spoke.Traffic.Sent(NhrpPacketType.RegistrationRequest) > sent);
        Assert.Matches(@"     1 10\.10\.10\.1           172\.16\.1\.1    UP 00:00:0\d     S",
            lab.Execute("SPOKE-1", "show dmvpn"));
    }

    [Fact]
    public void SpokeSourceLinkDown_NhsGoesDownAfterRetries_LinkUpRecovers()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var spoke = NhrpProtocol.For(DmvpnTestLab.Node(lab, "SPOKE-1")).Interfaces.Single();
        var link = lab.Lab.Nodes["SPOKE-1"].FindPort("Gi0/0")!.Link!;

        link.SetState(false);
        lab.Lab.Scheduler.RunFor(TimeSpan.FromMinutes(41));

        Assert.Equal(NhrpNhsState.Expecting, spoke.Servers[0].State);
        string dmvpn = lab.Execute("SPOKE-1", "show dmvpn");
        Assert.True(dmvpn.Contains("172.16.1.1  NHRP"), dmvpn);

        link.SetState(true);
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(5));

        Assert.Equal(NhrpNhsState.Responding, spoke.Servers[0].State);
    }
}

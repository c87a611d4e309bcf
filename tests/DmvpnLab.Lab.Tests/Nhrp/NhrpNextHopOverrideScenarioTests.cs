using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire;

namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>
/// Phase 3 with EIGRP through the hub: each spoke learns the other's LAN via the hub, and a
/// shortcut overrides that route's next hop as IOS 15 does (refdata phase3-iol-lab-log).
/// </summary>
public class NhrpNextHopOverrideScenarioTests
{
    private static TestLab BootAndShortcut()
    {
        var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Phase3: true, Eigrp: true));
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(60));
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(30));
        lab.Execute("VPC-5", "ping 192.168.161.10");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(2));
        return lab;
    }

    [Fact]
    public void Shortcut_OverridesTheEigrpRoutesNextHop()
    {
        using var lab = BootAndShortcut();

        string route = lab.Execute("SPOKE-1", "show ip route");
        string nho = lab.Execute("SPOKE-1", "show ip route next-hop-override");

        Assert.Matches(
            @"\nD   % +192\.168\.161\.0/24 \[90/\d+\] via 172\.16\.1\.1, [\d:]+, Tunnel1\n",
            route);
        Assert.Matches(@"\n +\[NHO\]\[90/255\] via 172\.16\.1\.3, 00:00:0\d, Tunnel1\n", nho);
        Assert.Matches(@"\nH        172\.16\.1\.3/32 is directly connected, 00:00:0\d, Tunnel1\n",
            route);
        Assert.DoesNotContain("H        192.168.161.0", route);
    }

    [Fact]
    public void Shortcut_ShowDmvpnListsT2ForThePrefixAndT1ForTheHost()
    {
        using var lab = BootAndShortcut();

        Assert.Matches(@"     2 10\.10\.10\.9           172\.16\.1\.3    UP 00:00:0\d   DT1\n" +
            @" {28}172\.16\.1\.3    UP 00:00:0\d   DT2\n", lab.Execute("SPOKE-1", "show dmvpn"));
        Assert.Contains("192.168.161.0/24 via 172.16.1.3\n", lab.Execute("SPOKE-1",
            "show ip nhrp"));
    }

    [Fact]
    public void Shortcut_ForwardingBypassesTheHub()
    {
        using var lab = BootAndShortcut();
        var hub = DmvpnTestLab.Node(lab, "HUB");
        long forwardedBefore = hub.Ipv4.PacketsForwarded;

        string ping = lab.Execute("VPC-5", "ping 192.168.161.10");

        Assert.Equal(forwardedBefore, hub.Ipv4.PacketsForwarded);
        Assert.Contains("ttl=62", ping);
        var spoke = DmvpnTestLab.Node(lab, "SPOKE-1");
        Assert.Equal(Ipv4Address.Parse("172.16.1.3"),
            spoke.Fib.Lookup(Ipv4Address.Parse("192.168.161.10"))!.NextHop);
    }

    [Fact]
    public void ShortcutExpires_OverrideWithdrawnAndHubPathBack()
    {
        using var lab = BootAndShortcut();

        lab.Lab.Scheduler.RunFor(TimeSpan.FromHours(2.1));

        var spoke = DmvpnTestLab.Node(lab, "SPOKE-1");
        Assert.Equal(0, spoke.Rib.NextHopOverrides.Count);
        Assert.Equal(Ipv4Address.Parse("172.16.1.1"),
            spoke.Fib.Lookup(Ipv4Address.Parse("192.168.161.10"))!.NextHop);
        Assert.DoesNotContain("%", lab.Execute("SPOKE-1", "show ip route").Split("PfR")[1]);
    }
}

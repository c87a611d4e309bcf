using DmvpnLab.Net.Routing;
using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Lab.Tests.Nhrp;

public class NhrpResolutionScenarioTests
{
    [Fact]
    public void Phase2_PingBetweenSpokePcs_SpokesResolveEachOtherAndGoDirect()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var hub = NhrpProtocol.For(DmvpnTestLab.Node(lab, "HUB")).Interfaces.Single();

        string ping = lab.Execute("VPC-5", "ping 192.168.161.10");
        long hubForwardedAfterFirst = hub.Traffic.Sent(NhrpPacketType.ResolutionRequest);

        Assert.Equal(5, ping.Split('\n').Count(l => l.StartsWith("84 bytes from")));
        Assert.Equal(1, hubForwardedAfterFirst);
        string spoke1 = lab.Execute("SPOKE-1", "show ip nhrp 172.16.1.3");
        Assert.Contains("172.16.1.3/32 via 172.16.1.3\n", spoke1);
        Assert.Contains("   Type: dynamic, Flags: router used nhop\n" +
            "   NBMA address: 10.10.10.9", spoke1);
        string spoke2 = lab.Execute("SPOKE-2", "show ip nhrp");
        Assert.Contains("172.16.1.2/32 via 172.16.1.2", spoke2);
        Assert.Contains("NBMA address: 10.10.10.5", spoke2);
        Assert.Contains("Flags: router unique local\n   NBMA address: 10.10.10.9\n    (no-socket)",
            spoke2);
        Assert.Matches(@"     1 10\.10\.10\.9           172\.16\.1\.3    UP 00:00:0\d     D",
            lab.Execute("SPOKE-1", "show dmvpn"));
    }

    [Fact]
    public void Phase2_SecondPing_NoMoreNhrpThroughTheHub()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        lab.Execute("VPC-5", "ping 192.168.161.10");
        var hubNode = DmvpnTestLab.Node(lab, "HUB");
        long forwardedBefore = hubNode.Ipv4.PacketsForwarded;

        lab.Execute("VPC-5", "ping 192.168.161.10");

        // The only hub forwarding left would be LAN traffic; the spokes talk directly.
        Assert.Equal(forwardedBefore, hubNode.Ipv4.PacketsForwarded);
    }

    [Fact]
    public void Phase2_FirstPacketUnresolved_IncompleteEntryWhileResolving()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var spoke = NhrpProtocol.For(DmvpnTestLab.Node(lab, "SPOKE-1")).Interfaces.Single();

        bool resolved = spoke.TryResolve(spoke.Tunnel, Ipv4Address.Parse("172.16.1.3"),
            Ipv4Address.Parse("192.168.164.10"), Ipv4Address.Parse("192.168.161.10"),
            out var nbma);
        string during = lab.Execute("SPOKE-1", "show ip nhrp 172.16.1.3");

        Assert.True(resolved);
        Assert.Equal(Ipv4Address.Parse("10.10.10.1"), nbma);
        Assert.Contains("172.16.1.3/32, Tunnel1 created 00:00:00, expire 00:03:00\n" +
            "  Type: incomplete, Flags: negative\n  Cache hits: 0", during);
        Assert.Matches(@"     1 UNKNOWN              172\.16\.1\.3  NHRP    never     I",
            lab.Execute("SPOKE-1", "show dmvpn"));
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));
        Assert.Contains("NBMA address: 10.10.10.9",
            lab.Execute("SPOKE-1", "show ip nhrp 172.16.1.3"));
    }

    [Fact]
    public void Phase3_PingAcrossSummaryRoute_HubRedirectsAndSpokeInstallsNhrpRoute()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Phase3: true));
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        var hub = NhrpProtocol.For(DmvpnTestLab.Node(lab, "HUB")).Interfaces.Single();

        lab.Execute("VPC-5", "ping 192.168.161.10");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(2));

        Assert.True(hub.Traffic.Sent(NhrpPacketType.TrafficIndication) >= 1);
        var spoke1 = DmvpnTestLab.Node(lab, "SPOKE-1");
        var route = spoke1.Rib.LongestMatch(Ipv4Address.Parse("192.168.161.10"));
        Assert.NotNull(route);
        Assert.Equal(new Prefix(Ipv4Address.Parse("192.168.161.0"), 24), route.Value.Prefix);
        Assert.Equal(RouteSource.Nhrp, route.Value.Routes[0].Source);
        Assert.Equal(250, route.Value.Routes[0].Distance);
        string nhrp = lab.Execute("SPOKE-1", "show ip nhrp");
        Assert.Contains("192.168.161.0/24 via 172.16.1.3\n", nhrp);
        Assert.Contains("Type: dynamic, Flags: router rib\n   NBMA address: 10.10.10.9", nhrp);
        Assert.Contains("172.16.1.3/32 via 172.16.1.3\n", nhrp);
        Assert.Matches(@"     2 10\.10\.10\.9           172\.16\.1\.3    UP 00:00:0\d   DT1\n" +
            @" {28}172\.16\.1\.3    UP 00:00:0\d   DT1\n",
            lab.Execute("SPOKE-1", "show dmvpn"));
        var hubNode = DmvpnTestLab.Node(lab, "HUB");
        long forwardedBefore = hubNode.Ipv4.PacketsForwarded;
        lab.Execute("VPC-5", "ping 192.168.161.10");
        Assert.Equal(forwardedBefore, hubNode.Ipv4.PacketsForwarded);
    }

    [Fact]
    public void Phase3_ShortcutEntryExpires_NhrpRouteWithdrawn()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Phase3: true));
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        lab.Execute("VPC-5", "ping 192.168.161.10");
        var spoke1 = DmvpnTestLab.Node(lab, "SPOKE-1");

        lab.Lab.Scheduler.RunFor(TimeSpan.FromHours(2.1));

        var route = spoke1.Rib.LongestMatch(Ipv4Address.Parse("192.168.161.10"));
        Assert.Equal(RouteSource.Static, route!.Value.Routes[0].Source);
        Assert.DoesNotContain("192.168.161.0/24", lab.Execute("SPOKE-1", "show ip nhrp"));
    }

    [Fact]
    public void ClearIpNhrp_OnSpoke_DynamicEntriesGoneStaticStays()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));
        lab.Execute("VPC-5", "ping 192.168.161.10");

        lab.Execute("SPOKE-1", "enable");
        lab.Execute("SPOKE-1", "clear ip nhrp");

        string nhrp = lab.Execute("SPOKE-1", "show ip nhrp");
        Assert.DoesNotContain("172.16.1.3", nhrp);
        Assert.Contains("172.16.1.1/32 via 172.16.1.1", nhrp);
    }
}

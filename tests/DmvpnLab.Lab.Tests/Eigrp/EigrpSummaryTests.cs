using DmvpnLab.Net;

namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// `ip summary-address eigrp` on the hub's tunnel, the DMVPN phase 3 design: the spokes get
/// one summary instead of every LAN; the hub keeps a discard route to Null0. The printed
/// forms are IOS's (refdata show-ip-route.txt: "D     192.168.0.0/16 is a summary,
/// 09:57:02, Null0" on the hub, "D 10.0.0.0/8 [90/26882560] via 192.168.0.1" on a spoke).
/// </summary>
public class EigrpSummaryTests
{
    private const string HubSummary = "ip summary-address eigrp 1 192.168.0.0 255.255.0.0";

    private static readonly TimeSpan ConvergeLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public void HubSummary_SpokesGetTheSummaryOnly_WithTheBestComponentMetric()
    {
        using var lab = EigrpDmvpnLab.Boot(hubTunnel: HubSummary);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string spoke1 = lab.Execute("SPOKE-1", "show ip route");

        // The hub's Gigabit LAN (2816) is the best component: 10 + 50000 usec, 100 kbit.
        Assert.Matches(@"\nD     192\.168\.0\.0/16 \[90/26880256\] via 172\.16\.1\.1, " +
                       @"\d\d:\d\d:\d\d, Tunnel1\n", spoke1);
        Assert.DoesNotContain("192.168.160.0", spoke1);
        Assert.DoesNotContain("192.168.161.0", spoke1);
        string entry = lab.Execute("SPOKE-1", "show ip route 192.168.99.1");
        Assert.Contains("Routing entry for 192.168.0.0/16, supernet\n", entry);
        Assert.Contains("      Total delay is 50010 microseconds, minimum bandwidth is 100 Kbit\n",
            entry);
        Assert.Contains("      Loading 1/255, Hops 1\n", entry);
    }

    [Fact]
    public void HubSummary_HubInstallsNull0DiscardRoute_AndKeepsTheComponents()
    {
        using var lab = EigrpDmvpnLab.Boot(hubTunnel: HubSummary);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string hub = lab.Execute("HUB", "show ip route");
        string entry = lab.Execute("HUB", "show ip route 192.168.99.1");
        string topology = lab.Execute("HUB", "show ip eigrp topology");
        string protocols = lab.Execute("HUB", "show ip protocols");

        Assert.Matches(@"\nD     192\.168\.0\.0/16 is a summary, \d\d:\d\d:\d\d, Null0\n", hub);
        Assert.Matches(@"\nD     192\.168\.164\.0/24 \[90/\d+\] via 172\.16\.1\.2, ", hub);
        Assert.Contains("Known via \"eigrp 1\", distance 5, metric 2816, type internal\n", entry);
        Assert.Contains("  Routing Descriptor Blocks:\n  * directly connected, via Null0\n" +
                        "      Route metric is 2816, traffic share count is 1\n", entry);
        Assert.DoesNotContain("Last update from", entry);
        Assert.Contains("P 192.168.0.0/16, 1 successors, FD is 2816\n" +
                        "        via Summary (2816/0), Null0\n", topology);
        Assert.Contains("  Address Summarization:\n    192.168.0.0/16 for Tu1\n" +
                        "      Summarizing 3 components with metric 2816\n", protocols);
    }

    [Fact]
    public void HubSummary_PacketForMissingComponent_DroppedAtNull0()
    {
        using var lab = EigrpDmvpnLab.Boot(hubTunnel: HubSummary);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string ping = lab.Execute("SPOKE-1", "ping 192.168.99.1");

        // Net's ping matches errors by the echo's identifier, which it reads from the error's
        // own header rather than the quoted echo, so it prints '.' where IOS prints 'U'.
        Assert.Contains("Success rate is 0 percent (0/5)", ping);
        Assert.Equal(5, Nhrp.DmvpnTestLab.Node(lab, "HUB").Drops[DropReason.NullRoute]);
    }

    [Fact]
    public void LastComponentGone_SummaryAndNull0RouteWithdrawn()
    {
        using var lab = EigrpDmvpnLab.Boot(
            hubTunnel: "ip summary-address eigrp 1 192.168.164.0 255.255.252.0");
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        Assert.Contains("192.168.164.0/22 is a summary", lab.Execute("HUB", "show ip route"));
        Assert.Matches(@"D +192\.168\.164\.0/22 \[90/\d+\] via 172\.16\.1\.1",
            lab.Execute("SPOKE-2", "show ip route"));

        // SPOKE-1's LAN, the only component, goes down.
        lab.Lab.Links[4].SetState(false);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        Assert.DoesNotContain("192.168.164.0", lab.Execute("HUB", "show ip route"));
        Assert.DoesNotContain("192.168.164.0", lab.Execute("HUB", "show ip eigrp topology"));
        Assert.DoesNotContain("192.168.164.0", lab.Execute("SPOKE-2", "show ip route"));
    }

    [Fact]
    public void NoSummaryAddress_ComponentsAdvertisedAgain()
    {
        using var lab = EigrpDmvpnLab.Boot(hubTunnel: HubSummary);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        lab.Execute("HUB", "configure terminal");
        lab.Execute("HUB", "interface Tunnel1");
        lab.Execute("HUB", "no " + HubSummary);
        lab.Execute("HUB", "end");
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string spoke1 = lab.Execute("SPOKE-1", "show ip route");
        Assert.DoesNotContain("192.168.0.0/16", spoke1);
        Assert.Matches(@"D +192\.168\.160\.0/24 \[90/26880256\] via 172\.16\.1\.1", spoke1);
        Assert.Matches(@"D +192\.168\.161\.0/24 \[90/\d+\] via 172\.16\.1\.1", spoke1);
        Assert.DoesNotContain("is a summary", lab.Execute("HUB", "show ip route"));
    }
}

using System.Text.RegularExpressions;
using DmvpnLab.Net.Routing;
using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Wire;

namespace DmvpnLab.Lab.Tests.Eigrp;

public class EigrpScenarioTests
{
    private static readonly TimeSpan ConvergeLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public void ThreeRoutersInALine_Converged_EveryRouterHasEveryNetwork()
    {
        using var lab = EigrpLineLab.Boot();

        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string r1 = lab.Execute("R1", "show ip route");
        Assert.Matches(@"D +10\.0\.23\.0/24 \[90/3072\] via 10\.0\.12\.2, \d\d:\d\d:\d\d, " +
                       "GigabitEthernet0/0", r1);
        Assert.Matches(@"D +192\.168\.3\.0/24 \[90/131072\] via 10\.0\.12\.2, .*GigabitEthernet0/0",
            r1);
        string r3 = lab.Execute("R3", "show ip route");
        Assert.Matches(@"D +192\.168\.1\.0/24 \[90/131072\] via 10\.0\.23\.2", r3);
        Assert.Matches(@"D +10\.0\.12\.0/24 \[90/3072\] via 10\.0\.23\.2", r3);
    }

    [Fact]
    public void ThreeRoutersInALine_RouteEntry_ShowsIosDescriptorBlock()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string entry = lab.Execute("R1", "show ip route 192.168.3.0");

        Assert.Contains("Known via \"eigrp 1\", distance 90, metric 131072, type internal", entry);
        Assert.Contains("  Redistributing via eigrp 1\n", entry);
        Assert.Matches(@"Last update from 10\.0\.12\.2 on GigabitEthernet0/0, 00:00:\d\d ago",
            entry);
        Assert.Contains("      Total delay is 5020 microseconds, minimum bandwidth is 1000000 Kbit",
            entry);
        Assert.Contains("      Reliability 255/255, minimum MTU 1500 bytes", entry);
        Assert.Contains("      Loading 1/255, Hops 2", entry);
    }

    [Fact]
    public void ShowIpEigrpNeighbors_OnR2_TwoNeighborsInIosColumns()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        var lines = lab.Execute("R2", "show ip eigrp neighbors").TrimEnd('\n').Split('\n');

        Assert.Equal("EIGRP-IPv4 Neighbors for AS(1)", lines[0]);
        Assert.Equal(
            "H   Address                 Interface              Hold Uptime   SRTT   RTO  Q  Seq",
            lines[1]);
        Assert.Equal(
            "                                                   (sec)         (ms)       Cnt Num",
            lines[2]);
        Assert.Equal(5, lines.Length);
        var row = new Regex(@"^(\d)   (10\.0\.\d\d\.\d) +(Gi0/\d) +(\d\d) " +
                            @"(\d\d:\d\d:\d\d) +(\d+) +(\d+) +0  \d+$");
        foreach (string line in lines[3..])
        {
            Assert.Matches(row, line);
            string hold = row.Match(line).Groups[4].Value;
            Assert.Equal(53, line.IndexOf(hold, 28, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Topology_OnR1_SuccessorsWithFeasibleAndReportedDistance()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string topology = lab.Execute("R1", "show ip eigrp topology");

        Assert.StartsWith("EIGRP-IPv4 Topology Table for AS(1)/ID(192.168.1.1)\n", topology);
        Assert.Contains("P 10.0.12.0/24, 1 successors, FD is 2816\n" +
                        "        via Connected, GigabitEthernet0/0\n", topology);
        Assert.Contains("P 192.168.3.0/24, 1 successors, FD is 131072\n" +
                        "        via 10.0.12.2 (131072/130816), GigabitEthernet0/0\n", topology);
    }

    [Fact]
    public void SplitHorizon_R2DoesNotAdvertiseR1sNetworksBackToR1()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string allLinks = lab.Execute("R2", "show ip eigrp topology all-links");
        string r1AllLinks = lab.Execute("R1", "show ip eigrp topology all-links");

        Assert.Contains("via 10.0.12.1 (130816/128256), GigabitEthernet0/0", allLinks);
        Assert.DoesNotContain("192.168.1.0/24", r1AllLinks.Replace(
            "P 192.168.1.0/24, 1 successors, FD is 128256", ""));
    }

    [Fact]
    public void LinkDown_RouteWithdrawnEverywhere_AndNbrChangeLogged()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        var log = new List<string>();
        lab.Lab.Nodes["R2"].Network.Log.Line += (_, line) => log.Add(line);

        lab.Lab.Links[1].SetState(false);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        Assert.Contains("%DUAL-5-NBRCHANGE: EIGRP-IPv4 1: Neighbor 10.0.23.3 " +
                        "(GigabitEthernet0/1) is down: interface down", log);
        Assert.DoesNotContain("192.168.3.0", lab.Execute("R1", "show ip route"));
        Assert.DoesNotContain("10.0.23.0", lab.Execute("R1", "show ip route"));
        Assert.DoesNotContain("192.168.3.0", lab.Execute("R1", "show ip eigrp topology"));
    }

    [Fact]
    public void LinkUpAgain_AdjacencyAndRoutesReturn()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        var log = new List<string>();
        lab.Lab.Nodes["R3"].Network.Log.Line += (_, line) => log.Add(line);

        lab.Lab.Links[1].SetState(false);
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(2));
        lab.Lab.Links[1].SetState(true);
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        Assert.Contains("%DUAL-5-NBRCHANGE: EIGRP-IPv4 1: Neighbor 10.0.23.2 " +
                        "(GigabitEthernet0/0) is up: new adjacency", log);
        Assert.Matches(@"D +192\.168\.3\.0/24 \[90/131072\]", lab.Execute("R1", "show ip route"));
    }

    [Fact]
    public void HellosLost_HoldTimeExpires_NeighborDownAndRoutesWithdrawn()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        var log = new List<string>();
        lab.Lab.Nodes["R2"].Network.Log.Line += (_, line) => log.Add(line);

        lab.Lab.Links[1].LossProbability = 1.0;
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(20));

        Assert.Contains("%DUAL-5-NBRCHANGE: EIGRP-IPv4 1: Neighbor 10.0.23.3 " +
                        "(GigabitEthernet0/1) is down: holding time expired", log);
        Assert.DoesNotContain("192.168.3.0", lab.Execute("R1", "show ip route"));
    }

    [Fact]
    public void ClearNeighbors_ReformsAdjacencies()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        var log = new List<string>();
        lab.Lab.Nodes["R2"].Network.Log.Line += (_, line) => log.Add(line);

        lab.Execute("R2", "clear ip eigrp neighbors");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(12));

        Assert.Contains(log,
            l => l.EndsWith("is down: manually cleared", StringComparison.Ordinal));
        Assert.Contains(log, l => l.EndsWith("is up: new adjacency", StringComparison.Ordinal));
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        Assert.Matches(@"D +192\.168\.3\.0/24 \[90/131072\]", lab.Execute("R1", "show ip route"));
    }

    [Fact]
    public void DebugEigrpPackets_LogsHellosInIosShape()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));
        var log = new List<string>();
        lab.Lab.Nodes["R1"].Network.Log.Line += (_, line) => log.Add(line);

        Assert.Contains("EIGRP Packet debugging is on", lab.Execute("R1", "debug eigrp packets"));
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(6));
        lab.Execute("R1", "undebug eigrp packets");

        Assert.Contains(log, l => l.StartsWith("EIGRP: Sending HELLO on GigabitEthernet0/0\n" +
            "  AS 1, Flags 0x0:(NULL), Seq 0/0", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("EIGRP: Received HELLO on GigabitEthernet0/0 " +
            "nbr 10.0.12.2\n", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowIpProtocols_ListsNetworksPassiveInterfacesAndSources()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string r3 = lab.Execute("R3", "show ip protocols");

        Assert.Contains("Routing Protocol is \"eigrp 1\"", r3);
        Assert.Contains("    Metric weight K1=1, K2=0, K3=1, K4=0, K5=0", r3);
        Assert.Contains("    Router-ID: 192.168.3.1", r3);
        Assert.Contains("  Routing for Networks:\n    10.0.23.0/24\n    192.168.3.0\n", r3);
        Assert.Contains("  Passive Interface(s):\n    Loopback1\n", r3);
        Assert.Matches(@"    10\.0\.23\.2 +90      00:00:\d\d", r3);
    }

    [Fact]
    public void ShowIpEigrpInterfaces_PassiveInterfaceNotListed()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string r3 = lab.Execute("R3", "show ip eigrp interfaces");

        Assert.Matches(
            @"\nGi0/0                    1        0/0       0/0 +\d+       0/0 +\d+           0\n",
            r3);
        Assert.DoesNotContain("Lo1", r3);
    }

    [Fact]
    public void EigrpRoute_InRib_WithProcessIdFromAndInterface()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        var route = lab.Lab.Nodes["R1"].Network.Rib
            .Best(new Prefix(Ipv4Address.Parse("192.168.3.0"), 24)).Single();

        Assert.Equal(RouteSource.Eigrp, route.Source);
        Assert.Equal(90, route.Distance);
        Assert.Equal(1, route.ProcessId);
        Assert.Equal(Ipv4Address.Parse("10.0.12.2"), route.From);
        Assert.Equal("GigabitEthernet0/0", route.Interface!.Name);
    }
}

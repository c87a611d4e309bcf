using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tests.Routing;

public class NextHopOverrideTests
{
    private static readonly Prefix Lan = new(Ipv4Address.Parse("192.168.2.0"), 24);

    private static TwoNodes WithStaticRoute()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(new Route(Lan, RouteSource.Static, 1, 0, Ipv4Address.Parse("10.0.0.2"),
            null, 0));
        return nodes;
    }

    private static NextHopOverride Override(NetworkInterface egress) =>
        new(Lan, Ipv4Address.Parse("10.0.0.3"), egress, 255, 0);

    [Fact]
    public void OverrideOnTheRoutesInterface_FibForwardsToTheOverridingNextHop()
    {
        var nodes = WithStaticRoute();
        nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"));

        nodes.A.Rib.NextHopOverrides.Set(Override(nodes.AWan));

        var entry = nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"))!;
        Assert.Equal(Ipv4Address.Parse("10.0.0.3"), entry.NextHop);
        Assert.Same(nodes.AWan, entry.Interface);
    }

    [Fact]
    public void OverrideOnAnotherInterface_IsIgnored()
    {
        var nodes = WithStaticRoute();
        var loopback = nodes.A.AddInterface(new LoopbackInterface(nodes.A, "Loopback9"));

        nodes.A.Rib.NextHopOverrides.Set(Override(loopback));

        Assert.Equal(Ipv4Address.Parse("10.0.0.2"),
            nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"))!.NextHop);
    }

    [Fact]
    public void OverrideRemoved_RoutesOwnNextHopReturns()
    {
        var nodes = WithStaticRoute();
        nodes.A.Rib.NextHopOverrides.Set(Override(nodes.AWan));
        nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"));

        nodes.A.Rib.NextHopOverrides.Remove(Lan, nodes.AWan);

        Assert.Equal(Ipv4Address.Parse("10.0.0.2"),
            nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"))!.NextHop);
    }

    [Fact]
    public void ShowIpRoute_OverriddenRoute_PercentAndNhoLine()
    {
        var nodes = WithStaticRoute();
        nodes.A.Rib.NextHopOverrides.Set(Override(nodes.AWan));
        var plain = new StringWriter { NewLine = "\n" };
        var detailed = new StringWriter { NewLine = "\n" };

        ShowIpRouteCommand.WriteTable(nodes.A, plain);
        ShowIpRouteCommand.WriteTable(nodes.A, detailed, withOverrides: true);

        Assert.Contains("\nS   % 192.168.2.0/24 [1/0] via 10.0.0.2\n", plain.ToString());
        Assert.DoesNotContain("[NHO]", plain.ToString());
        Assert.Contains("\nS   % 192.168.2.0/24 [1/0] via 10.0.0.2\n" +
            "                     [NHO][1/255] via 10.0.0.3, 00:00:00, GigabitEthernet0/0\n",
            detailed.ToString());
    }
}

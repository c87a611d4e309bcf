using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tests.Routing;

public class FibTests
{
    private static Route Static(string prefix, int length, string nextHop) =>
        new(new Prefix(Ipv4Address.Parse(prefix), length), RouteSource.Static, 1, 0,
            Ipv4Address.Parse(nextHop), null, 0);

    [Fact]
    public void LongestPrefix_WinsOverTheDefaultRoute()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(Static("0.0.0.0", 0, "10.0.0.254"));
        nodes.A.Rib.Add(Static("192.168.2.0", 24, "10.0.0.2"));

        var specific = nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7"))!;
        var fallback = nodes.A.Fib.Lookup(Ipv4Address.Parse("8.8.8.8"))!;

        Assert.Equal(Ipv4Address.Parse("10.0.0.2"), specific.NextHop);
        Assert.Equal(Ipv4Address.Parse("10.0.0.254"), fallback.NextHop);
        Assert.Same(nodes.AWan, specific.Interface);
    }

    [Fact]
    public void RecursiveStatic_ResolvesThroughAnotherStatic()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(Static("172.16.0.0", 16, "10.0.0.2"));
        nodes.A.Rib.Add(Static("192.168.9.0", 24, "172.16.1.1"));

        var entry = nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.9.1"))!;

        Assert.Equal(FibEntryKind.Forward, entry.Kind);
        Assert.Equal(Ipv4Address.Parse("10.0.0.2"), entry.NextHop);
    }

    [Fact]
    public void InterfaceShutDown_ConnectedAndDependentRoutesLeaveTheFib()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(Static("192.168.2.0", 24, "10.0.0.2"));

        nodes.AWan.SetAdminUp(false);

        Assert.Null(nodes.A.Fib.Lookup(Ipv4Address.Parse("192.168.2.7")));
        Assert.Null(nodes.A.Fib.Lookup(Ipv4Address.Parse("10.0.0.2")));
    }

    [Fact]
    public void LocalAddress_IsAReceiveEntry()
    {
        var nodes = new TwoNodes();

        var entry = nodes.A.Fib.Lookup(Ipv4Address.Parse("10.0.0.1"))!;

        Assert.Equal(FibEntryKind.Receive, entry.Kind);
    }

    [Fact]
    public void HigherDistance_IsNotInstalledWhileALowerOneExists()
    {
        var nodes = new TwoNodes();
        var prefix = new Prefix(Ipv4Address.Parse("192.168.2.0"), 24);
        nodes.A.Rib.Add(new Route(prefix, RouteSource.Eigrp, 90, 3072,
            Ipv4Address.Parse("10.0.0.3"), nodes.AWan, 0));
        nodes.A.Rib.Add(Static("192.168.2.0", 24, "10.0.0.2"));

        var best = Assert.Single(nodes.A.Rib.Best(prefix));

        Assert.Equal(RouteSource.Static, best.Source);
    }

    [Fact]
    public void HostRouteThroughItself_DoesNotHideTheConnectedSubnet()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(Static("10.0.0.2", 32, "10.0.0.2"));
        nodes.A.Rib.Add(Static("0.0.0.0", 0, "10.0.0.2"));

        var entry = nodes.A.Fib.Lookup(Ipv4Address.Parse("8.8.8.8"))!;

        Assert.Equal(Ipv4Address.Parse("10.0.0.2"), entry.NextHop);
        Assert.Same(nodes.AWan, entry.Interface);
    }
}

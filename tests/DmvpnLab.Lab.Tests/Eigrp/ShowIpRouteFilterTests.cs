namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// `show ip route {connected|static|eigrp [N]|nhrp}`: IOS keeps the legend and the gateway
/// line, prints only that source's routes, and a group header still counts every subnet of
/// the classful network (refdata show-ip-route.txt, "R3#show ip route eigrp | begin 10.0":
/// "10.0.0.0/8 is variably subnetted, 5 subnets, 2 masks" over two D lines).
/// </summary>
public class ShowIpRouteFilterTests
{
    private static readonly TimeSpan ConvergeLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public void Eigrp_OnlyEigrpRoutes_UnderHeadersCountingTheWholeMajorNetwork()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string output = lab.Execute("R1", "show ip route eigrp");

        Assert.StartsWith("Codes: L - local, C - connected, S - static, R - RIP", output);
        var lines = output.Split('\n');
        int gateway = Array.IndexOf(lines, "Gateway of last resort is not set");
        Assert.True(gateway > 0);
        Assert.Equal("", lines[gateway + 1]);
        Assert.Equal("      10.0.0.0/8 is variably subnetted, 3 subnets, 2 masks",
            lines[gateway + 2]);
        Assert.Matches(@"^D        10\.0\.23\.0/24 \[90/3072\] via 10\.0\.12\.2, ",
            lines[gateway + 3]);
        Assert.Matches(@"^D     192\.168\.3\.0/24 \[90/131072\] via 10\.0\.12\.2, ",
            lines[gateway + 4]);
        Assert.Equal("", lines[gateway + 5]);
        Assert.Equal(gateway + 6, lines.Length);
        Assert.Equal(output, lab.Execute("R1", "show ip route eigrp 1"));
    }

    [Fact]
    public void EigrpOtherProcess_LegendAndGatewayOnly()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string output = lab.Execute("R1", "show ip route eigrp 2");

        Assert.EndsWith("Gateway of last resort is not set\n\n", output);
    }

    [Fact]
    public void Connected_ConnectedAndLocalRoutesOnly()
    {
        using var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string output = lab.Execute("R1", "show ip route connected");

        Assert.Contains("\n      10.0.0.0/8 is variably subnetted, 3 subnets, 2 masks\n" +
                        "C        10.0.12.0/24 is directly connected, GigabitEthernet0/0\n" +
                        "L        10.0.12.1/32 is directly connected, GigabitEthernet0/0\n",
            output);
        Assert.Contains("C        192.168.1.0/24 is directly connected, Loopback0\n", output);
        Assert.DoesNotContain("\nD ", output);
    }

    [Fact]
    public void StaticAndNhrp_OnTheHub()
    {
        using var lab = EigrpDmvpnLab.Boot();
        Assert.True(lab.Lab.WaitConverged(ConvergeLimit));

        string statics = lab.Execute("HUB", "show ip route static");
        string nhrp = lab.Execute("HUB", "show ip route nhrp");

        Assert.EndsWith("Gateway of last resort is 10.10.10.2 to network 0.0.0.0\n\n" +
                        "S*    0.0.0.0/0 [1/0] via 10.10.10.2\n", statics);
        Assert.EndsWith("Gateway of last resort is 10.10.10.2 to network 0.0.0.0\n\n", nhrp);
    }
}

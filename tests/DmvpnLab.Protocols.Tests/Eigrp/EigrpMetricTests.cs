using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Tests.Eigrp;

// Expected values are IOS's, as refdata/ios-outputs/show-ip-eigrp-topology.txt prints them:
// "FD is 2816 via Connected, GigabitEthernet0/0/0", "(3072/2816), GigabitEthernet0/0",
// "FD is 281600 via Connected, Ethernet3/0", "(130816/128256)" for a loopback one Gi hop on.
public class EigrpMetricTests
{
    private static readonly NetworkNode Node =
        new("R", new Scheduler(1), new PacketBufferPool(), 1);

    private static EthernetInterface Port(string name) =>
        new(Node, name, new MacAddress(0x0200_0000_0001UL));

    [Fact]
    public void GigabitEthernet_Connected_Is2816()
    {
        var vector = EigrpMetric.Connected(Port("GigabitEthernet0/0"));

        Assert.Equal(256u, vector.Delay);
        Assert.Equal(2560u, vector.Bandwidth);
        Assert.Equal(2816u, EigrpMetric.Composite(vector, EigrpKValues.Default));
    }

    [Fact]
    public void GigabitEthernet_OneHopAway_Is3072WithReported2816()
    {
        var port = Port("GigabitEthernet0/1");
        var reported = EigrpMetric.Connected(port);

        var path = EigrpMetric.AddLink(reported, port);

        Assert.Equal(3072u, EigrpMetric.Composite(path, EigrpKValues.Default));
        Assert.Equal(1, path.HopCount);
    }

    [Fact]
    public void TenMegabitEthernet_Connected_Is281600()
    {
        var vector = EigrpMetric.Connected(Port("Ethernet3/0"));

        Assert.Equal(281600u, EigrpMetric.Composite(vector, EigrpKValues.Default));
    }

    [Fact]
    public void Loopback_Is128256_AndOneGigabitHopFurther130816()
    {
        var loopback = new LoopbackInterface(Node, "Loopback0");
        var vector = EigrpMetric.Connected(loopback);

        var further = EigrpMetric.AddLink(vector, Port("GigabitEthernet0/0"));

        Assert.Equal(128256u, EigrpMetric.Composite(vector, EigrpKValues.Default));
        Assert.Equal(130816u, EigrpMetric.Composite(further, EigrpKValues.Default));
    }

    [Fact]
    public void TunnelDefaults_100KbitAnd50000Microseconds_Is26880000()
    {
        var tunnel = new GreTunnelInterface(Node, "Tunnel1");

        var vector = EigrpMetric.Connected(tunnel);

        Assert.Equal(100, tunnel.BandwidthKilobits);
        Assert.Equal(26_880_000u, EigrpMetric.Composite(vector, EigrpKValues.Default));
    }

    [Fact]
    public void TunnelThenGigabitLan_MatchesIosDmvpnSpokeLan()
    {
        // A spoke LAN (Gi, 2816) seen by the hub over a default tunnel: 256 × (100000 + 5001),
        // the 26880256 of DMVPN labs' `D 192.168.x.0/24 [90/26880256] via … Tunnel`.
        var lan = EigrpMetric.Connected(Port("GigabitEthernet0/1"));

        var path = EigrpMetric.AddLink(lan, new GreTunnelInterface(Node, "Tunnel2"));

        Assert.Equal(26_880_256u, EigrpMetric.Composite(path, EigrpKValues.Default));
    }

    [Fact]
    public void T1Bandwidth_Is2169856()
    {
        var port = Port("GigabitEthernet0/2");
        port.ConfiguredBandwidthKilobits = 1544;
        port.ConfiguredDelayMicroseconds = 20_000;

        Assert.Equal(2_169_856u,
            EigrpMetric.Composite(EigrpMetric.Connected(port), EigrpKValues.Default));
    }

    [Fact]
    public void Unreachable_IsInfinity()
    {
        var vector = EigrpMetric.Unreachable(EigrpMetric.Connected(Port("GigabitEthernet0/3")));

        Assert.True(vector.IsUnreachable);
        Assert.Equal(EigrpMetric.Infinity, EigrpMetric.Composite(vector, EigrpKValues.Default));
        Assert.True(EigrpMetric.AddLink(vector, Port("GigabitEthernet0/3")).IsUnreachable);
    }

    [Fact]
    public void K5_ScalesByReliability()
    {
        var vector = new EigrpClassicMetric(256, 2560, 1500, 0, 255, 1, 0, EigrpRouteFlags.None);

        uint metric = EigrpMetric.Composite(vector, new EigrpKValues(1, 0, 1, 0, 1));

        Assert.Equal(2816u / 255, metric);
    }

    [Fact]
    public void DescriptorDetails_OneGigabitHop_PrintsIosLines()
    {
        var port = Port("GigabitEthernet0/0");
        var path = EigrpMetric.AddLink(EigrpMetric.Connected(port), port);

        var lines = EigrpProcess.DescriptorDetails(path);

        Assert.Equal("Total delay is 20 microseconds, minimum bandwidth is 1000000 Kbit", lines[0]);
        Assert.Equal("Reliability 255/255, minimum MTU 1500 bytes", lines[1]);
        Assert.Equal("Loading 1/255, Hops 1", lines[2]);
    }
}

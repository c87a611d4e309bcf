using DmvpnLab.Net;
using DmvpnLab.Wire.Capture;
using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Lab.Tests.Gre;

public class GreTunnelTests
{
    private static Dictionary<string, string> PointToPointLab(string r2Key) => new()
    {
        ["lab.yaml"] = """
            name: gre
            topology:
              nodes:
                R1: { kind: ios, config: R1.cfg }
                R2: { kind: ios, config: R2.cfg }
              links:
                - endpoints: ["R1:Gi0/0", "R2:Gi0/0"]
            """,
        ["R1.cfg"] = """
            hostname R1
            interface Gi0/0
             ip address 10.0.0.1 255.255.255.252
            interface Loopback0
             ip address 192.168.1.1 255.255.255.0
            interface Tunnel0
             ip address 172.16.0.1 255.255.255.252
             tunnel source Gi0/0
             tunnel destination 10.0.0.2
             tunnel key 100000
            ip route 192.168.2.0 255.255.255.0 172.16.0.2
            """,
        ["R2.cfg"] = $"""
            hostname R2
            interface Gi0/0
             ip address 10.0.0.2 255.255.255.252
            interface Loopback0
             ip address 192.168.2.1 255.255.255.0
            interface Tunnel0
             ip address 172.16.0.2 255.255.255.252
             tunnel source Gi0/0
             tunnel destination 10.0.0.1
             tunnel key {r2Key}
            ip route 192.168.1.0 255.255.255.0 172.16.0.1
            """,
    };

    [Fact]
    public void PointToPointTunnel_PingBetweenLoopbacks_TravelsInKeyedGre()
    {
        using var lab = TestLab.Boot(PointToPointLab("100000"), captures: true);

        string output = lab.Execute("R1", "ping 192.168.2.1 source 192.168.1.1");
        lab.Lab.Finish();

        Assert.Contains("Success rate is 100 percent (5/5)", output);
        var capture = Assert.Single(lab.Lab.Captures);
        int keyed = 0;
        foreach (var record in PcapReader.ReadAll(capture.Path))
        {
            Assert.True(EthernetFrameView.TryCreate(record.Data, out var ethernet, out _));
            if (ethernet.EtherType != EtherType.Ipv4)
                continue;

            Assert.True(Ipv4HeaderView.TryCreate(ethernet.Payload, out var ip, out _));
            Assert.Equal(IpProtocol.Gre, ip.Protocol);
            Assert.True(GreHeaderView.TryCreate(ip.Payload, out var gre, out _));
            Assert.Equal(100000u, gre.Key);
            keyed++;
        }

        Assert.Equal(10, keyed);
    }

    [Fact]
    public void KeyMismatch_PacketsDroppedAndCounted()
    {
        using var lab = TestLab.Boot(PointToPointLab("5"));

        string output = lab.Execute("R1", "ping 192.168.2.1 source 192.168.1.1");

        Assert.Contains("Success rate is 0 percent (0/5)", output);
        Assert.Equal(5, lab.Lab.Nodes["R2"].Network.Drops[DropReason.NoTunnelForKey]);
    }

    [Fact]
    public void ShowInterfacesTunnel_ShowsIosDefaultsAndTheKey()
    {
        using var lab = TestLab.Boot(PointToPointLab("100000"));

        string output = lab.Execute("R1", "show interfaces tunnel 0");

        Assert.Contains("Tunnel0 is up, line protocol is up\n", output);
        Assert.Contains("  MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,\n", output);
        Assert.Contains("  Tunnel source 10.0.0.1 (GigabitEthernet0/0), destination 10.0.0.2\n",
            output);
        Assert.Contains("  Tunnel protocol/transport GRE/IP\n    Key 0x186A0, sequencing disabled\n",
            output);
    }
}

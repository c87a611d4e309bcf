using DmvpnLab.Lab.Nodes;
using DmvpnLab.Net;

namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>
/// The lab notes' DMVPN without IPsec: a hub and two spokes behind one internet router,
/// a PC behind each. Phase 2 uses the notes' static routes to the spokes' tunnel
/// addresses; phase 3 gives the spokes a summary route via the hub, `ip nhrp redirect` on
/// the hub and `ip nhrp shortcut` on the spokes.
/// </summary>
public static class DmvpnTestLab
{
    public sealed record Options(
        bool Phase3 = false,
        string HubKey = "nhrp1234",
        string Spoke2Key = "nhrp1234",
        bool Spoke2NoUnique = true,
        bool SingleLineNhs = false,
        bool Eigrp = false,
        int Seed = 1);

    public static TestLab Boot(Options? options = null)
    {
        options ??= new Options();
        return TestLab.Boot(DmvpnTopology.Files("dmvpn-nhrp", Hub(options),
            Spoke(options, 1, "10.10.10.5", "10.10.10.6", "172.16.1.2", "192.168.164.1",
                options.HubKey, noUnique: true),
            Spoke(options, 2, "10.10.10.9", "10.10.10.10", "172.16.1.3", "192.168.161.1",
                options.Spoke2Key, options.Spoke2NoUnique)), options.Seed);
    }

    public static NetworkNode Node(TestLab lab, string name) =>
        ((IosRouter)lab.Lab.Nodes[name]).Network;

    private static string Hub(Options options) => $"""
        hostname HUB
        interface GigabitEthernet0/0
         ip address 10.10.10.1 255.255.255.252
        interface GigabitEthernet0/1
         ip address 192.168.160.1 255.255.255.0
        interface Tunnel1
         ip address 172.16.1.1 255.255.255.0
         tunnel source GigabitEthernet0/0
         tunnel mode gre multipoint
         ip nhrp authentication {options.HubKey}
         ip nhrp network-id 1
         ip nhrp map multicast dynamic
         {(options.Phase3 ? "ip nhrp redirect" : "!")}
         {(options.Eigrp ? "no ip split-horizon eigrp 1" : "!")}
        {(options.Eigrp ? EigrpRouting("192.168.160.0") : HubStaticRoutes)}
        ip route 0.0.0.0 0.0.0.0 10.10.10.2
        """;

    private const string HubStaticRoutes =
        "ip route 192.168.164.0 255.255.255.0 172.16.1.2\n" +
        "ip route 192.168.161.0 255.255.255.0 172.16.1.3";

    /// <summary>EIGRP over the tunnel: the hub advertises each spoke's LAN via itself.</summary>
    private static string EigrpRouting(string lan) =>
        $"router eigrp 1\n network 172.16.1.0 0.0.0.255\n network {lan} 0.0.0.255";

    /// <summary>The notes' three lines, or IOS 15's single `nhs … nbma … multicast`.</summary>
    private static string NhsLines(Options options) => options.SingleLineNhs
        ? "ip nhrp nhs 172.16.1.1 nbma 10.10.10.1 multicast"
        : "ip nhrp map multicast 10.10.10.1\n ip nhrp map 172.16.1.1 10.10.10.1\n" +
          " ip nhrp nhs 172.16.1.1";

    private static string Spoke(Options options, int number, string wan, string gateway,
        string tunnel, string lan, string key, bool noUnique)
    {
        string routes = options.Eigrp
            ? EigrpRouting(lan.Substring(0, lan.LastIndexOf('.')) + ".0")
            : options.Phase3
            ? "ip route 192.168.0.0 255.255.0.0 172.16.1.1"
            : number == 1
                ? "ip route 192.168.160.0 255.255.255.0 172.16.1.1\n" +
                  "ip route 192.168.161.0 255.255.255.0 172.16.1.3"
                : "ip route 192.168.160.0 255.255.255.0 172.16.1.1\n" +
                  "ip route 192.168.164.0 255.255.255.0 172.16.1.2";
        return $"""
            hostname SPOKE-{number}
            interface GigabitEthernet0/0
             ip address {wan} 255.255.255.252
            interface GigabitEthernet0/1
             ip address {lan} 255.255.255.0
            interface Tunnel1
             ip address {tunnel} 255.255.255.0
             tunnel source GigabitEthernet0/0
             tunnel mode gre multipoint
             ip nhrp authentication {key}
             ip nhrp network-id 1
             ip nhrp map multicast dynamic
             {NhsLines(options)}
             {(noUnique ? "ip nhrp registration no-unique" : "!")}
             {(options.Phase3 ? "ip nhrp shortcut" : "!")}
            {routes}
            ip route 0.0.0.0 0.0.0.0 {gateway}
            """;
    }
}

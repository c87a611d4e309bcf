namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// A hub and two spokes running EIGRP AS 1 over the mGRE tunnel (no IPsec), each with a
/// PC on a LAN that EIGRP advertises; the internet router runs no EIGRP, every router
/// points its default route at it. The hub's tunnel has `no ip split-horizon eigrp 1` so
/// each spoke learns the other's LAN; <paramref name="hubTunnel"/> adds tunnel lines
/// (a summary) and <paramref name="hubRouter"/> router lines.
/// </summary>
internal static class EigrpDmvpnLab
{
    public static TestLab Boot(string hubTunnel = "!", string hubRouter = "!", int seed = 1) =>
        TestLab.Boot(DmvpnTopology.Files("eigrp-dmvpn", hub: $"""
                hostname HUB
                interface GigabitEthernet0/0
                 ip address 10.10.10.1 255.255.255.252
                interface GigabitEthernet0/1
                 ip address 192.168.160.1 255.255.255.0
                interface Tunnel1
                 ip address 172.16.1.1 255.255.255.0
                 tunnel source GigabitEthernet0/0
                 tunnel mode gre multipoint
                 ip nhrp network-id 1
                 ip nhrp map multicast dynamic
                 no ip split-horizon eigrp 1
                 {hubTunnel}
                router eigrp 1
                 network 172.16.1.0 0.0.0.255
                 network 192.168.160.0
                 {hubRouter}
                ip route 0.0.0.0 0.0.0.0 10.10.10.2
                """,
            spoke1: Spoke(1, "10.10.10.5", "10.10.10.6", "172.16.1.2", "192.168.164"),
            spoke2: Spoke(2, "10.10.10.9", "10.10.10.10", "172.16.1.3", "192.168.161")), seed);

    private static string Spoke(int number, string wan, string gateway, string tunnel,
        string lan) => $"""
        hostname SPOKE-{number}
        interface GigabitEthernet0/0
         ip address {wan} 255.255.255.252
        interface GigabitEthernet0/1
         ip address {lan}.1 255.255.255.0
        interface Tunnel1
         ip address {tunnel} 255.255.255.0
         tunnel source GigabitEthernet0/0
         tunnel mode gre multipoint
         ip nhrp network-id 1
         ip nhrp map multicast 10.10.10.1
         ip nhrp map 172.16.1.1 10.10.10.1
         ip nhrp nhs 172.16.1.1
        router eigrp 1
         network 172.16.1.0 0.0.0.255
         network {lan}.0
        ip route 0.0.0.0 0.0.0.0 {gateway}
        """;
}

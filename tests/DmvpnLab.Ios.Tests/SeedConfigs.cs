namespace DmvpnLab.Ios.Tests;

/// <summary>Configs in the shape of the seed's lab notes, trailing <c>!!</c> remarks and
/// ragged indentation included.</summary>
internal static class SeedConfigs
{
    public const string Hub = """
        hostname HUB
        !
        crypto isakmp policy 1
         encryption 3des
         hash md5
         authentication pre-share
         group 2
        !
        crypto isakmp key isakmp1234 address 0.0.0.0  !!   accept from any source
        !
        crypto ipsec transform-set TS esp-3des esp-md5-hmac
         mode tunnel
        !
        crypto ipsec profile PROTECT-GRE
         set security-association lifetime seconds 86400
         set transform-set TS
        !
        interface GigabitEthernet0/0
         description -=to Inet
         ip address 10.10.10.1 255.255.255.252
         !
        interface GigabitEthernet0/1
         description -=to LAN
         ip address 192.168.160.1 255.255.255.0
        !
        interface Tunnel1
         description -= DMVPN Tunnel
         ip address 172.16.1.1 255.255.255.0 !!  Select a private IP subnet for the tunnels
         !
         tunnel protection ipsec profile PROTECT-GRE    !!  encrypts the traffic
         tunnel source GigabitEthernet0/0    !!  source of the tunnel is the WAN interface
         tunnel mode gre multipoint          !!  designates the tunnel as a mGRE  tunnel
         !
         ip nhrp authentication nhrp1234     !!  (optional) authentication
         ip nhrp network-id 1                !!  (mandatory) network identification
         !
         ip nhrp map multicast dynamic       !!  Enables multicast across the tunnel
         ! Add spoke to multicast list upon registration
         !
          !
          ip mtu 1440                         !!  Reduce the MTU
          load-interval 30
        !! Keepalives must be missed before the tunnel is shut down.
          keepalive 5 10
          no ip split-horizon eigrp 1  !! disable split horizon for EIGRP
          !
         !
        ! Configure static routing on HUB
        ip route 192.168.164.0 255.255.255.0 172.16.1.2   !!  The remote LAN
        ip route 192.168.161.0 255.255.255.0 172.16.1.3   !!  The remote LAN
        ip route 0.0.0.0 0.0.0.0 10.10.10.2
        !
        """;

    public const string Spoke1WithMistakes = """
        hostname SPOKE-1
        !
        interface GigabitEthernet0/0
        no sh
        description -=to Inet
        ip address 10.10.10.5 255.255.255.252
        !
        interface Tunnel1
         ip address 172.16.1.2 255.255.255.0
         tunnel mode gre multipint
         tunnel key 99999999999
         ip nhrp map 172.16.1.1  10.10.10.256
         ip nhrp map multicast 10.10.10.1    !!   Send multicast to the Hub only.
         ip nhrp nhs 172.16.1.1              !!  configures NHRP client
         ip nhrp registration no-unique *      !!  not a valid argument
         ip nhrp
         keepalive 5 10
        !
        ip route 0.0.0.0 0.0.0.0 10.10.10.6
        router ei 1
        network 10.0.0.0
        no au
        !
        """;
}

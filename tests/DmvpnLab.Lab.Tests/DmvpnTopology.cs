namespace DmvpnLab.Lab.Tests;

/// <summary>
/// The cabling shared by the DMVPN scenario labs: a hub and two spokes behind one
/// internet router (10.10.10.0/30, .4/30, .8/30) and a PC behind each DMVPN router.
/// Callers give the three DMVPN routers' configs; the rest is fixed.
/// </summary>
internal static class DmvpnTopology
{
    public static Dictionary<string, string> Files(string name, string hub, string spoke1,
        string spoke2) => new()
    {
        ["lab.yaml"] = $$"""
            name: {{name}}
            topology:
              nodes:
                HUB:     { kind: ios, config: HUB.cfg }
                SPOKE-1: { kind: ios, config: SPOKE-1.cfg }
                SPOKE-2: { kind: ios, config: SPOKE-2.cfg }
                INET:    { kind: ios, config: INET.cfg }
                VPC-4:   { kind: vpcs, config: VPC-4.vpc }
                VPC-5:   { kind: vpcs, config: VPC-5.vpc }
                VPC-6:   { kind: vpcs, config: VPC-6.vpc }
              links:
                - endpoints: ["HUB:Gi0/0", "INET:Gi0/0"]
                  delay: 2ms
                - endpoints: ["SPOKE-1:Gi0/0", "INET:Gi0/1"]
                  delay: 2ms
                - endpoints: ["SPOKE-2:Gi0/0", "INET:Gi0/2"]
                  delay: 2ms
                - endpoints: ["HUB:Gi0/1", "VPC-4:eth0"]
                - endpoints: ["SPOKE-1:Gi0/1", "VPC-5:eth0"]
                - endpoints: ["SPOKE-2:Gi0/1", "VPC-6:eth0"]
            """,
        ["INET.cfg"] = """
            hostname INET
            interface GigabitEthernet0/0
             ip address 10.10.10.2 255.255.255.252
            interface GigabitEthernet0/1
             ip address 10.10.10.6 255.255.255.252
            interface GigabitEthernet0/2
             ip address 10.10.10.10 255.255.255.252
            """,
        ["HUB.cfg"] = hub,
        ["SPOKE-1.cfg"] = spoke1,
        ["SPOKE-2.cfg"] = spoke2,
        ["VPC-4.vpc"] = "ip 192.168.160.10/24 192.168.160.1\n",
        ["VPC-5.vpc"] = "ip 192.168.164.10/24 192.168.164.1\n",
        ["VPC-6.vpc"] = "ip 192.168.161.10/24 192.168.161.1\n",
    };
}

namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// Three routers in a line, R1 - R2 - R3, each with a loopback network, all in EIGRP AS 1.
/// </summary>
internal static class EigrpLineLab
{
    public static TestLab Boot(string extraR2 = "") => TestLab.Boot(new Dictionary<string, string>
    {
        ["lab.yaml"] = """
            name: eigrp-line
            topology:
              nodes:
                R1: { kind: ios, config: R1.cfg }
                R2: { kind: ios, config: R2.cfg }
                R3: { kind: ios, config: R3.cfg }
              links:
                - endpoints: ["R1:Gi0/0", "R2:Gi0/0"]
                - endpoints: ["R2:Gi0/1", "R3:Gi0/0"]
            """,
        ["R1.cfg"] = """
            hostname R1
            interface GigabitEthernet0/0
             ip address 10.0.12.1 255.255.255.0
            interface Loopback0
             ip address 192.168.1.1 255.255.255.0
            router ei 1
             network 10.0.0.0
             network 192.168.1.0
             no au
            """,
        ["R2.cfg"] = $"""
            hostname R2
            interface GigabitEthernet0/0
             ip address 10.0.12.2 255.255.255.0
            interface GigabitEthernet0/1
             ip address 10.0.23.2 255.255.255.0
            router eigrp 1
             network 10.0.0.0
            {extraR2}
            """,
        ["R3.cfg"] = """
            hostname R3
            interface GigabitEthernet0/0
             ip address 10.0.23.3 255.255.255.0
            interface Loopback1
             ip address 192.168.3.1 255.255.255.0
            router eigrp 1
             network 10.0.23.0 0.0.0.255
             network 192.168.3.0
             passive-interface Loopback1
            """,
    });
}

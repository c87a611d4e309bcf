namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// Two routers joined by one link, each with a GRE tunnel protected by the lab notes'
/// IPsec policy (3DES, MD5, DH group 2, wildcard pre-shared key, esp-3des esp-md5-hmac).
/// </summary>
internal static class ProtectedTunnelLab
{
    public const string Policy = """
        crypto isakmp policy 1
         encryption 3des
         hash md5
         authentication pre-share
         group 2
        !
        crypto isakmp key {KEY} address 0.0.0.0
        !
        crypto ipsec transform-set TS esp-3des esp-md5-hmac
         mode {MODE}
        !
        crypto ipsec profile PROTECT-GRE
         set security-association lifetime seconds 86400
         set transform-set TS
        !
        """;

    /// <summary>
    /// A current policy: AES-256, SHA-256 prf, DH group 14, esp-aes 256 esp-sha256-hmac
    /// (the shape of the lab log's Ts-aEs256_Sha2 set).
    /// </summary>
    public const string ModernPolicy = """
        crypto isakmp policy 10
         encr aes 256
         hash sha256
         authentication pre-share
         group 14
        !
        crypto isakmp key {KEY} address 0.0.0.0
        !
        crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac
         mode {MODE}
        !
        crypto ipsec profile PROTECT-GRE
         set transform-set TS
        !
        """;

    /// <summary>R1 10.0.0.1 and R2 10.0.0.2; tunnel 172.16.1.1 and .2, point-to-point or
    /// multipoint with static NHRP-free destinations (p2p) as asked.</summary>
    public static TestLab Boot(string r1Key = "isakmp1234", string r2Key = "isakmp1234",
        string mode = "tunnel", bool captures = false, string? linkExtra = null, int seed = 7,
        string policy = Policy)
    {
        return TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = $"""
                name: ipsec-pair
                topology:
                  nodes:
                    R1: {"{"} kind: ios, config: R1.cfg {"}"}
                    R2: {"{"} kind: ios, config: R2.cfg {"}"}
                  links:
                    - endpoints: ["R1:Gi0/0", "R2:Gi0/0"]
                      delay: 2ms{linkExtra}
                """,
            ["R1.cfg"] = Router(policy, "R1", 1, 2, r1Key, mode),
            ["R2.cfg"] = Router(policy, "R2", 2, 1, r2Key, mode),
        }, seed, captures);
    }

    private static string Router(string policy, string name, int self, int peer, string key,
        string mode) =>
        policy.Replace("{KEY}", key).Replace("{MODE}", mode) + $"""
        hostname {name}
        interface GigabitEthernet0/0
         ip address 10.0.0.{self} 255.255.255.0
        interface Tunnel1
         ip address 172.16.1.{self} 255.255.255.0
         tunnel source GigabitEthernet0/0
         tunnel destination 10.0.0.{peer}
         tunnel protection ipsec profile PROTECT-GRE
        """;
}

using System.Text.RegularExpressions;

namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// The lab notes' DMVPN (mGRE hub, two mGRE spokes, NHRP, the notes' IPsec policy) with
/// their troubleshooting commands: every tunnel packet is ESP, the hub holds one ISAKMP SA
/// per spoke in QM_IDLE, and the spoke-to-spoke tunnel gets its own SAs.
/// </summary>
public class CcnpDmvpnIpsecTests
{
    private static string LabFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null &&
               !Directory.Exists(Path.Combine(directory.FullName, "labs", "ccnp-dmvpn")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "labs", "ccnp-dmvpn");
    }

    private static string Execute(LabInstance lab, string node, string command)
    {
        var output = new StringWriter { NewLine = "\n" };
        lab.Nodes[node].Execute(command, output);
        return output.ToString();
    }

    [Fact]
    public void HubAndSpokes_ConvergeProtected_SpokeToSpokeNegotiatesItsOwnSas()
    {
        using var lab = LabInstance.Load(LabFolder(),
            new LabOptions { Seed = 2017 });
        lab.Boot();
        Assert.True(lab.WaitConverged(TimeSpan.FromMinutes(3)));

        string ping = Execute(lab, "VPC-4", "ping 192.168.164.10");
        Assert.Contains("icmp_seq=5 ttl=62", ping);

        string isakmp = Execute(lab, "HUB", "show crypto isakmp sa");
        Assert.Matches(@"10\.10\.10\.1 +10\.10\.10\.5 +QM_IDLE +100\d ACTIVE", isakmp);
        Assert.Matches(@"10\.10\.10\.1 +10\.10\.10\.9 +QM_IDLE +100\d ACTIVE", isakmp);
        string counters = Execute(lab, "HUB", "show crypto ipsec sa | inc crypt:|current_peer");
        Assert.Equal(6, counters.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"   current_peer 10\.10\.10\.5 port 500\n" +
            @"    #pkts encaps: (\d+), #pkts encrypt: \1, #pkts digest: \1\n" +
            @"    #pkts decaps: (\d+), #pkts decrypt: \2, #pkts verify: \2\n", counters);
        Assert.Equal(2, Regex.Matches(Execute(lab, "HUB", "show crypto session"),
            "Session status: UP-ACTIVE").Count);

        Execute(lab, "VPC-5", "ping 192.168.161.10");
        lab.Scheduler.RunFor(TimeSpan.FromSeconds(5));

        Assert.Matches(@"10\.10\.10\.9 +QM_IDLE", Execute(lab, "SPOKE-1", "show crypto isakmp sa"));
        Assert.Contains("current_peer 10.10.10.9 port 500",
            Execute(lab, "SPOKE-1", "show crypto ipsec sa peer 10.10.10.9"));
        Assert.DoesNotContain("current_peer 10.10.10.1",
            Execute(lab, "SPOKE-1", "show crypto ipsec sa peer 10.10.10.9"));
    }
}

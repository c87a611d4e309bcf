using DmvpnLab.Cli.Verbs;
using DmvpnLab.Lab.Generate;
using DmvpnLab.Lab.Scripts;
using DmvpnLab.Wire;

namespace DmvpnLab.Lab.Tests.Tools;

public class HubSpokeGeneratorTests : IDisposable
{
    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "dmvpnlab-gen-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ThreeSpokes_LabLoadsAndEveryConfigLoadsWithoutDiagnostics()
    {
        var output = new StringWriter();
        int status = GenerateVerb.HubSpoke(folder, 3, 7, output, new StringWriter());

        Assert.Equal(0, status);
        using var lab = LabInstance.Load(folder);
        Assert.Equal(7, lab.Scheduler.Seed);
        Assert.Equal(["HUB", "INET-CORE", "VPC-HUB", "INET-1", "SPOKE-1", "VPC-1", "SPOKE-2",
            "VPC-2", "SPOKE-3", "VPC-3"], lab.Nodes.Keys);
        Assert.Equal(1 + 1 + 1 + 3 + 3, lab.Links.Count);

        lab.Boot();
        Assert.True(lab.Log.Lines.Count == 0, string.Join("\n", lab.Log.Lines));

        var script = LabScript.Parse(File.ReadAllText(Path.Combine(folder, "script.txt")),
            "script.txt", lab.Nodes.Keys.ToList());
        Assert.NotEmpty(script);
    }

    [Fact]
    public void MoreSpokesThanOneEdgeRouterServes_EdgeRoutersWithManyPortsLoad()
    {
        int status = GenerateVerb.HubSpoke(folder, 130, 1, new StringWriter(), new StringWriter());

        Assert.Equal(0, status);
        using var lab = LabInstance.Load(folder);
        Assert.Equal(130 * 2 + 3 + 3, lab.Nodes.Count);
    }

    [Fact]
    public void ThreeSpokes_ScriptRuns_AllSpokesUpAndThePingAnswered()
    {
        HubSpokeLab.Write(folder, 3, 1);
        var transcript = new StringWriter { NewLine = "\n" };

        int status = RunVerb.Run(folder, seed: null, captures: false, transcript);

        Assert.True(status == 0, transcript.ToString());
        Assert.Contains("Number of lines which match regexp = 3", transcript.ToString());
        Assert.Contains("icmp_seq=5 ttl=62", transcript.ToString());
    }

    [Fact]
    public void ThreeSpokes_ConfigsCarryThePolicy()
    {
        HubSpokeLab.Write(folder, 3, 1);

        string hub = File.ReadAllText(Path.Combine(folder, "HUB.cfg"));
        string spoke = File.ReadAllText(Path.Combine(folder, "SPOKE-2.cfg"));
        Assert.Contains("ip nhrp map multicast dynamic", hub);
        Assert.Contains("ip route 10.128.2.0 255.255.255.0 172.16.0.3", hub);
        Assert.Contains("ip nhrp map 172.16.0.1 10.0.0.1", spoke);
        Assert.Contains("ip nhrp nhs 172.16.0.1", spoke);
        Assert.Contains("ip nhrp map multicast 10.0.0.1", spoke);
        Assert.Contains("ip route 10.128.0.0 255.128.0.0 172.16.0.1", spoke);
        Assert.Contains("ip address 10.64.0.6 255.255.255.252", spoke);
        foreach (string config in new[] { hub, spoke })
        {
            Assert.Contains(" encryption 3des\n hash md5\n authentication pre-share\n group 2",
                config);
            Assert.Contains("crypto ipsec transform-set TS esp-3des esp-md5-hmac", config);
            Assert.Contains("tunnel mode gre multipoint", config);
        }
    }

    [Fact]
    public void AddressPlan_TenThousandSpokes_AllDistinctAndInTheirBlocks()
    {
        var seen = new HashSet<uint>();
        for (int n = 1; n <= 10_000; n++)
        {
            Assert.True(seen.Add(HubSpokeAddressPlan.TunnelAddress(n).Value));
            Assert.True(seen.Add(HubSpokeAddressPlan.LanNetwork(n).Value));
            Assert.True(seen.Add(HubSpokeAddressPlan.SpokeNbma(n).Value));
            int edge = HubSpokeAddressPlan.EdgeRouterOf(n);
            Assert.Equal(HubSpokeAddressPlan.EdgeBlock(edge).Value,
                HubSpokeAddressPlan.SpokeNbma(n).Value & 0xFFFF_FF00);
        }

        Assert.Equal(Ipv4Address.Parse("172.16.39.17"), HubSpokeAddressPlan.TunnelAddress(10_000));
        Assert.Equal(Ipv4Address.Parse("10.167.16.0"), HubSpokeAddressPlan.LanNetwork(10_000));
        Assert.Equal(157, HubSpokeAddressPlan.EdgeRouterCount(10_000));
    }

    [Fact]
    public void NonEmptyFolder_Refused()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "x"), "");
        var errors = new StringWriter();

        Assert.Equal(2, GenerateVerb.HubSpoke(folder, 3, 1, new StringWriter(), errors));
        Assert.Contains("exists and is not empty", errors.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}

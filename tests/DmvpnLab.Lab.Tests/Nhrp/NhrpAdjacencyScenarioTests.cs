namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>`show adjacency`: the tunnel's midchain adjacencies come from the NHRP cache.</summary>
public class NhrpAdjacencyScenarioTests
{
    [Fact]
    public void Hub_ShowAdjacencyOfASpoke_ListsTheTunnelMidchain()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        string adjacency = lab.Execute("HUB", "show adjacency 172.16.1.3");

        Assert.Matches(@"\nIP       Tunnel1                   172\.16\.1\.3\(\d+\)\n", adjacency);
        Assert.Matches(@"\nIP       Tunnel1                   172\.16\.1\.2\(\d+\)\n",
            lab.Execute("HUB", "show adjacency"));
    }

    [Fact]
    public void Spoke_AfterResolution_ListsTheOtherSpokeButNotBefore()
    {
        using var lab = DmvpnTestLab.Boot();
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        string before = lab.Execute("SPOKE-1", "show adjacency 172.16.1.3");
        lab.Execute("VPC-5", "ping 192.168.161.10");
        string after = lab.Execute("SPOKE-1", "show adjacency 172.16.1.3");

        Assert.DoesNotContain("Tunnel1", before);
        Assert.Matches(@"\nIP       Tunnel1                   172\.16\.1\.3\(\d+\)\n", after);
        Assert.Matches(@"\nIP       Tunnel1                   172\.16\.1\.1\(\d+\)\n",
            lab.Execute("SPOKE-1", "show adjacency"));
    }
}

namespace DmvpnLab.Lab.Tests.Nhrp;

public class NhrpDebugScenarioTests
{
    [Fact]
    public void DebugNhrpOnHub_SpokesRegister_IosWordedLines()
    {
        using var lab = DmvpnTestLab.Boot();
        var lines = new List<string>();
        DmvpnTestLab.Node(lab, "HUB").Log.Line += (_, line) => lines.Add(line);
        lab.Execute("HUB", "enable");

        Assert.Equal("NHRP protocol debugging is on\n", lab.Execute("HUB", "debug nhrp"));
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        Assert.Contains("NHRP: Receive Registration Request via Tunnel1 vrf: global(0x0), " +
            "packet size: 108", lines);
        Assert.Contains("NHRP: Tunnels gave us pak src addr: 10.10.10.5", lines);
        Assert.Contains("NHRP-EVE: NHC-UP: 172.16.1.2, NBMA: 10.10.10.5", lines);
        Assert.Contains("NHRP: Tu1: Creating dynamic multicast mapping  NBMA: 10.10.10.5", lines);
        Assert.Contains("NHRP: Sending Registration Reply if_in Tunnel1 vrf: global(0x0) " +
            "dst 172.16.1.2 nbma 10.10.10.5 code: no error(0)", lines);
        Assert.Contains("NHRP: Send Registration Reply via Tunnel1 vrf: global(0x0), " +
            "packet size: 128", lines);
        Assert.Contains("      src: 172.16.1.1, dst: 172.16.1.2", lines);
        Assert.Contains("NHRP: 152 bytes out Tunnel1 ", lines);
        Assert.Contains("%DMVPN-5-NHRP_NHC_UP: Tunnel1: Next Hop Client : (Tunnel: 172.16.1.2 " +
            "NBMA: 10.10.10.5) for (Tunnel: 172.16.1.1 NBMA: 10.10.10.1) is UP", lines);
    }

    [Fact]
    public void NoDebug_SpokesRegister_OnlySyslog()
    {
        using var lab = DmvpnTestLab.Boot();
        var lines = new List<string>();
        DmvpnTestLab.Node(lab, "HUB").Log.Line += (_, line) => lines.Add(line);

        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("%DMVPN-5-NHRP_NHC_UP: ", l));
    }
}

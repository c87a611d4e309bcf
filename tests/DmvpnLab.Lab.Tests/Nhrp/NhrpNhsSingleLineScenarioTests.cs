namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>IOS 15's `ip nhrp nhs A nbma B multicast` in place of the notes' three lines.</summary>
public class NhrpNhsSingleLineScenarioTests
{
    [Fact]
    public void SpokeWithSingleLineNhs_Boots_MapsHubStaticallyAndRegisters()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(SingleLineNhs: true));

        Assert.True(lab.Lab.WaitConverged(TimeSpan.FromSeconds(30)));

        string nhrp = lab.Execute("SPOKE-1", "show ip nhrp 172.16.1.1");
        Assert.Contains("   Type: static, Flags:", nhrp);
        Assert.Contains("   NBMA address: 10.10.10.1", nhrp);
        Assert.Matches(@"     1 10\.10\.10\.1           172\.16\.1\.1    UP 00:00:\d\d     S",
            lab.Execute("SPOKE-1", "show dmvpn"));
        Assert.Contains("172.16.1.2/32 via 172.16.1.2", lab.Execute("HUB", "show ip nhrp"));
    }

    [Fact]
    public void SpokeWithSingleLineNhs_Boots_SendsMulticastToTheHub()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(SingleLineNhs: true));
        lab.Lab.WaitConverged(TimeSpan.FromSeconds(30));

        var spoke = Protocols.Nhrp.NhrpProtocol.For(DmvpnTestLab.Node(lab, "SPOKE-1"))
            .Interfaces.Single();

        Assert.Contains(new Wire.Ipv4Address(10, 10, 10, 1),
            spoke.MulticastDestinations(spoke.Tunnel));
    }
}

namespace DmvpnLab.Lab.Tests.Nhrp;

/// <summary>`show running-config` shows each tunnel's `ip nhrp` lines in IOS 15's order.</summary>
public class NhrpRunningConfigScenarioTests
{
    [Fact]
    public void Spoke_ShowRunningConfig_NhrpLinesInIosOrder()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Phase3: true));

        string config = lab.Execute("SPOKE-1", "show running-config interface Tunnel1");

        Assert.Contains(" ip nhrp authentication nhrp1234\n" +
            " ip nhrp map 172.16.1.1 10.10.10.1\n" +
            " ip nhrp map multicast 10.10.10.1\n" +
            " ip nhrp map multicast dynamic\n" +
            " ip nhrp network-id 1\n" +
            " ip nhrp nhs 172.16.1.1\n" +
            " ip nhrp registration no-unique\n" +
            " ip nhrp shortcut\n", config);
    }

    [Fact]
    public void SingleLineNhsAndHubRedirect_ShowRunningConfig_KeepTheirForms()
    {
        using var lab = DmvpnTestLab.Boot(new DmvpnTestLab.Options(Phase3: true,
            SingleLineNhs: true));

        string spoke = lab.Execute("SPOKE-1", "show running-config interface Tunnel1");
        string hub = lab.Execute("HUB", "show running-config");

        Assert.Contains(" ip nhrp nhs 172.16.1.1 nbma 10.10.10.1 multicast\n", spoke);
        Assert.DoesNotContain("ip nhrp map 172.16.1.1", spoke);
        Assert.Contains(" ip nhrp map multicast dynamic\n ip nhrp network-id 1\n" +
            " ip nhrp redirect\n", hub);
    }
}

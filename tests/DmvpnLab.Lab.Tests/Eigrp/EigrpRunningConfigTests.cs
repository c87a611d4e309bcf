namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>EIGRP's lines in `show running-config`, in IOS 15's order and form.</summary>
public class EigrpRunningConfigTests
{
    [Fact]
    public void RouterBlock_ClassfulAndWildcardNetworks_PassiveInterfaceByFullName()
    {
        using var lab = EigrpLineLab.Boot();

        string config = lab.Execute("R3", "show running-config");

        Assert.Contains("!\nrouter eigrp 1\n network 10.0.23.0 0.0.0.255\n network 192.168.3.0\n" +
                        " passive-interface Loopback1\n!\n", config);
    }

    [Fact]
    public void RouterBlock_RouterIdAndAutoSummary_InterfaceTimersAndFlags()
    {
        using var lab = EigrpLineLab.Boot("""
            eigrp router-id 2.2.2.2
            auto-summary
            network 10.0.23.0 0.0.0.255
            interface GigabitEthernet0/0
             ip hold-time eigrp 1 30
             no ip split-horizon eigrp 1
             ip hello-interval eigrp 1 10
             no ip next-hop-self eigrp 1
            interface GigabitEthernet0/1
             ip summary-address eigrp 1 10.0.0.0 255.0.0.0
            """);

        string config = lab.Execute("R2", "show running-config");

        Assert.Contains("!\nrouter eigrp 1\n network 10.0.0.0\n network 10.0.23.0 0.0.0.255\n" +
                        " auto-summary\n eigrp router-id 2.2.2.2\n!\n", config);
        Assert.Contains("interface GigabitEthernet0/0\n ip address 10.0.12.2 255.255.255.0\n" +
                        " ip hello-interval eigrp 1 10\n ip hold-time eigrp 1 30\n" +
                        " no ip next-hop-self eigrp 1\n no ip split-horizon eigrp 1\n", config);
        Assert.Contains("interface GigabitEthernet0/1\n ip address 10.0.23.2 255.255.255.0\n" +
                        " ip summary-address eigrp 1 10.0.0.0 255.0.0.0\n", config);
        Assert.DoesNotContain("no auto-summary", config);
    }

    [Fact]
    public void DefaultsAndRemovedLines_WriteNothing()
    {
        using var lab = EigrpLineLab.Boot("""
            interface GigabitEthernet0/0
             ip hold-time eigrp 1 30
             no ip split-horizon eigrp 1
             ip split-horizon eigrp 1
             no ip hold-time eigrp 1 30
            """);

        string config = lab.Execute("R2", "show running-config interface GigabitEthernet0/0");

        Assert.DoesNotContain("eigrp", config);
        Assert.Contains("router eigrp 1\n network 10.0.0.0\n!\n",
            lab.Execute("R2", "show running-config"));
    }
}

using DmvpnLab.Ios.RunningConfig;

namespace DmvpnLab.Ios.Tests;

public class RunningConfigBuilderTests
{
    [Fact]
    public void Render_OrdersSectionsAndMergesContributions()
    {
        var builder = new RunningConfigBuilder();

        // Features contribute in whatever order they were built; the keys decide the output.
        builder.Section(RunningConfigOrder.IpStatic, null)
            .Add("ip route 0.0.0.0 0.0.0.0 10.10.10.2");
        builder.Section(RunningConfigOrder.Interface, "interface Tunnel1")
            .Add("tunnel source GigabitEthernet0/0", order: 20);
        builder.Section(RunningConfigOrder.Interface, "interface Tunnel1")
            .Add("ip address 172.16.1.1 255.255.255.0", order: 10)
            .Add("ip nhrp network-id 1", order: 15);
        builder.Section(RunningConfigOrder.Hostname, null).Add("hostname HUB");

        string body = builder.RenderBody();

        Assert.Equal("""
            hostname HUB
            !
            interface Tunnel1
             ip address 172.16.1.1 255.255.255.0
             ip nhrp network-id 1
             tunnel source GigabitEthernet0/0
            !
            ip route 0.0.0.0 0.0.0.0 10.10.10.2
            !

            """, body);
    }

    [Fact]
    public void Render_HasBannerWithByteCountAndEnd()
    {
        var builder = new RunningConfigBuilder();
        builder.Section(RunningConfigOrder.Hostname, null).Add("hostname R1");

        string output = builder.Render();

        string body = "!\nhostname R1\n!\nend\n";
        Assert.Equal($"Building configuration...\n\nCurrent configuration : {body.Length} bytes\n"
            + body, output);
    }

    [Fact]
    public void Render_EmptyHeaderlessSection_IsSkipped()
    {
        var builder = new RunningConfigBuilder();
        builder.Section(RunningConfigOrder.IpStatic, null);

        Assert.Equal("", builder.RenderBody());
    }
}

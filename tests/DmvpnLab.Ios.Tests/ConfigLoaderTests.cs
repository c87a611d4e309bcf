using DmvpnLab.Ios.Config;

namespace DmvpnLab.Ios.Tests;

public class ConfigLoaderTests
{
    [Fact]
    public void Load_SeedHub_AppliesEveryLineWithoutDiagnostics()
    {
        var router = new SampleRouter();

        var result = new ConfigLoader(router.Device).Load(SeedConfigs.Hub, "HUB.cfg");

        Assert.Empty(result.Diagnostics);
        Assert.Equal("HUB", router.Device.Hostname);
        Assert.Equal(34, result.LinesApplied);
        Assert.Null(result.EndLineNumber);
    }

    [Fact]
    public void Load_SeedHub_CountsEveryBangBangRemark()
    {
        var router = new SampleRouter();

        var result = new ConfigLoader(router.Device).Load(SeedConfigs.Hub, "HUB.cfg");

        // Twelve trailing remarks and one whole-line "!! Keepalives ..." remark.
        Assert.Equal(13, result.RemarksIgnored);
    }

    [Fact]
    public void Load_SeedHub_SubModeLinesGoToTheRightContext()
    {
        var router = new SampleRouter();

        new ConfigLoader(router.Device).Load(SeedConfigs.Hub, "HUB.cfg");

        Assert.Equal(
        [
            "description -= DMVPN Tunnel",
            "ip address 172.16.1.1 255.255.255.0",
            "tunnel protection ipsec profile PROTECT-GRE",
            "tunnel source GigabitEthernet0/0",
            "tunnel mode gre multipoint",
            "ip nhrp authentication nhrp1234",
            "ip nhrp network-id 1",
            "ip nhrp map multicast dynamic",
            "ip mtu 1440",
            "load-interval 30",
            "keepalive 5 10",
            "no ip split-horizon eigrp 1",
        ], router.InterfaceLines["Tunnel1"]);
        Assert.Equal(2, router.InterfaceLines["GigabitEthernet0/1"].Count);
        Assert.Equal(
        [
            "192.168.164.0 255.255.255.0 172.16.1.2",
            "192.168.161.0 255.255.255.0 172.16.1.3",
            "0.0.0.0 0.0.0.0 10.10.10.2",
        ], router.IpRoutes);
        Assert.Contains("config-isakmp|hash {md5|sha}||md5|1", router.Calls);
        Assert.Contains(
            "config-crypto-profile|set transform-set <WORD>||TS|PROTECT-GRE", router.Calls);
    }

    [Fact]
    public void Load_LineWithMistakes_ReportsFileLineAndCaretAndContinues()
    {
        var router = new SampleRouter();

        var result = new ConfigLoader(router.Device).Load(SeedConfigs.Spoke1WithMistakes,
            "SPOKE-1.cfg");

        Assert.Equal([10, 11, 12, 15, 16], result.Errors.Select(d => d.LineNumber));
        Assert.Equal("""
            SPOKE-1.cfg:10: % Invalid input detected at '^' marker.
             tunnel mode gre multipint
                                   ^
            """, result.Diagnostics[0].ToString());
        Assert.Equal("""
            SPOKE-1.cfg:12: % Invalid input detected at '^' marker.
             ip nhrp map 172.16.1.1  10.10.10.256
                                     ^
            """, result.Diagnostics[2].ToString());
        Assert.Equal("SPOKE-1.cfg:16: % Incomplete command.", result.Diagnostics[4].ToString());

        // Everything after the mistakes still loaded, in the right modes.
        Assert.Equal(["0.0.0.0 0.0.0.0 10.10.10.6"], router.IpRoutes);
        Assert.Contains("config-if|keepalive [<1-32767:period> [<1-255:retries>]]||5,10|Tunnel1",
            router.Calls);
        Assert.Contains("config-router|auto-summary|no||1", router.Calls);
        Assert.Contains("config-router|network <A.B.C.D> [<A.B.C.D>]||10.0.0.0|1", router.Calls);
        Assert.Contains("config-if|shutdown|no||GigabitEthernet0/0", router.Calls);
    }

    [Fact]
    public void Load_OutOfRangeNumber_CaretUnderTheNumber()
    {
        var router = new SampleRouter();

        var result = new ConfigLoader(router.Device).Load(SeedConfigs.Spoke1WithMistakes,
            "SPOKE-1.cfg");

        var diagnostic = result.Errors.Single(d => d.LineNumber == 11);
        Assert.Equal(" tunnel key 99999999999".IndexOf('9'), diagnostic.CaretColumn);
    }

    [Fact]
    public void Load_ExitAndEnd_BehaveAsWhenPasting()
    {
        var router = new SampleRouter();
        const string text = """
            interface Tunnel1
             shutdown
             exit
            shutdown
            interface Tunnel2
            end
            hostname AFTER-END
            """;

        var result = new ConfigLoader(router.Device).Load(text, "R.cfg");

        // "shutdown" after "exit" is a global line, which global config does not know.
        Assert.Equal(4, result.Errors.Single().LineNumber);
        Assert.Equal(6, result.EndLineNumber);
        Assert.Equal(1, result.LinesAfterEnd);
        Assert.Equal("Router", router.Device.Hostname);
    }

    [Fact]
    public void Load_CommandOutput_BecomesANonErrorDiagnostic()
    {
        var router = new SampleRouter();
        router.Modes.GlobalConfig.Commands.Register("ip cef", context =>
        {
            context.Output.WriteLine("% CEF is always on in the emulator");
            return CommandResult.Ok;
        });

        var result = new ConfigLoader(router.Device).Load("ip cef\n", "R.cfg");

        Assert.False(result.HasErrors);
        Assert.Equal("R.cfg:1: % CEF is always on in the emulator",
            result.Diagnostics.Single().ToString());
    }

    [Theory]
    [InlineData(" ip address 1.1.1.1 255.0.0.0 !! note", " ip address 1.1.1.1 255.0.0.0", true)]
    [InlineData("key abc!!def", "key abc!!def", false)]
    [InlineData("  !! whole line", null, true)]
    [InlineData("! plain comment !!!", null, false)]
    [InlineData("delay 1000\t!! tab before", "delay 1000", true)]
    [InlineData("hostname R1\r", "hostname R1", false)]
    public void Strip_RemovesCommentsAndCountsRemarks(string line, string? expected, bool remark)
    {
        Assert.Equal(expected, ConfigComments.Strip(line, out bool counted));
        Assert.Equal(remark, counted);
    }
}

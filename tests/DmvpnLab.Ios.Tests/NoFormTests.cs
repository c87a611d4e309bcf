namespace DmvpnLab.Ios.Tests;

public class NoFormTests
{
    private readonly SampleRouter _router = new("HUB");
    private readonly CliSession _session;

    public NoFormTests()
    {
        _session = new CliSession(_router.Device, privileged: true);
        _session.Execute("configure terminal");
        _session.Execute("interface Tunnel1");
        _router.Calls.Clear();
    }

    [Theory]
    [InlineData("no ip split-horizon eigrp 1", "ip split-horizon eigrp <1-65535>|no|1")]
    [InlineData("no shutdown", "shutdown|no|")]
    [InlineData("no sh", "shutdown|no|")]
    [InlineData("n sh", "shutdown|no|")]
    [InlineData("no keepalive", "keepalive [<1-32767:period> [<1-255:retries>]]|no|")]
    [InlineData("default keepalive", "keepalive [<1-32767:period> [<1-255:retries>]]|default|")]
    [InlineData("no ip nhrp map multicast dynamic",
        "ip nhrp map multicast {dynamic|<A.B.C.D:nbma>}|no|dynamic")]
    public void NoForm_ReachesHandlerNegated(string line, string expected)
    {
        string output = _session.Execute(line);

        Assert.Equal("", output);
        Assert.Equal($"config-if|{expected}|Tunnel1", _router.Calls.Single());
    }

    [Fact]
    public void NoForm_WithoutRequiredParameters_IsPartial()
    {
        _session.Execute("no ip address");

        Assert.Equal("config-if|ip address <A.B.C.D:address> <A.B.C.D:mask>|nopartial||Tunnel1",
            _router.Calls.Single());
    }

    [Fact]
    public void NoForm_StoppingWhereSeveralCommandsContinue_IsIncomplete()
    {
        Assert.Equal("% Incomplete command.\n\n", _session.Execute("no ip nhrp"));
        Assert.Equal("% Incomplete command.\n\n", _session.Execute("no"));
    }

    [Fact]
    public void NoForm_OfCommandThatRefusesIt_IsInvalidInput()
    {
        string output = _session.Execute("no hostname X");

        Assert.Contains("% Invalid input detected at '^' marker.", output);
        Assert.Empty(_router.Calls);
    }

    [Fact]
    public void NoForm_GlobalCommandFromSubMode_FallsThrough()
    {
        _session.Execute("no ip route 0.0.0.0 0.0.0.0 10.10.10.2");

        Assert.StartsWith("config|ip route", _router.Calls.Single());
        Assert.Contains("|no|", _router.Calls.Single());
        Assert.Equal("HUB(config)#", _session.Prompt);
    }

    [Fact]
    public void NoForm_AtExec_IsNotAPrefix()
    {
        _session.Execute("end");

        Assert.StartsWith("% Unknown command", _session.Execute("no debug nhrp"));
    }
}

namespace DmvpnLab.Ios.Tests;

public class CliSessionTests
{
    private readonly SampleRouter _router = new("HUB");

    [Fact]
    public void Modes_WalkThroughPromptsAsIosDoes()
    {
        var session = new CliSession(_router.Device);
        var prompts = new List<string> { session.Prompt };

        foreach (string line in new[] { "en", "conf t", "int tun 1", "exit", "router eigrp 1",
            "interface gi0/0", "end", "disable" })
        {
            session.Execute(line);
            prompts.Add(session.Prompt);
        }

        Assert.Equal(
        [
            "HUB>", "HUB#", "HUB(config)#", "HUB(config-if)#", "HUB(config)#",
            "HUB(config-router)#", "HUB(config-if)#", "HUB#", "HUB>",
        ], prompts);
    }

    [Fact]
    public void ConfigureTerminal_PrintsBanner()
    {
        var session = new CliSession(_router.Device, privileged: true);

        Assert.Equal(
            "Enter configuration commands, one per line.  End with CNTL/Z.\n",
            session.Execute("configure terminal").Replace("\r\n", "\n"));
    }

    [Fact]
    public void Hostname_ChangesPromptAtOnce()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");

        session.Execute("hostname SPOKE-1");

        Assert.Equal("SPOKE-1(config)#", session.Prompt);
    }

    [Fact]
    public void Interface_FromSibling_ReplacesModeContext()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");
        session.Execute("int gi0/0");

        session.Execute("int gi0/1");
        session.Execute("shutdown");

        Assert.Equal("GigabitEthernet0/1", session.State.ModeContext);
        Assert.Equal(3, session.State.Frames.Count(f => f.Mode.IsConfig) + 1);
        Assert.EndsWith("|GigabitEthernet0/1", _router.Calls[^1]);
    }

    [Fact]
    public void Do_RunsExecCommandAndStaysInConfig()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");
        session.Execute("int tun1");

        string output = session.Execute("do show ip nhrp brief");

        Assert.Equal("nhrp brief\n", output.Replace("\r\n", "\n"));
        Assert.Equal("HUB(config-if)#", session.Prompt);
    }

    [Fact]
    public void Do_WithFilter_Filters()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");

        string output = session.Execute("do sh crypto ipsec sa | inc current_peer");

        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Do_Alone_IsIncomplete()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");

        Assert.Equal("% Incomplete command.\n\n", session.Execute("do"));
    }

    [Fact]
    public void UserExec_CannotReachPrivilegedCommands()
    {
        var session = new CliSession(_router.Device);

        Assert.StartsWith("% Unknown command", session.Execute("debug nhrp"));
        Assert.Equal("", session.Execute("show dmvpn"));
    }

    [Fact]
    public void Exit_FromExec_ClosesSession()
    {
        var session = new CliSession(_router.Device, privileged: true);

        session.Execute("exit");

        Assert.True(session.IsClosed);
        Assert.Equal("", session.Execute("show dmvpn"));
    }

    [Fact]
    public void Exit_FromGlobalConfig_ReturnsToPrivileged()
    {
        var session = new CliSession(_router.Device, privileged: true);
        session.Execute("conf t");

        session.Execute("exit");

        Assert.False(session.IsClosed);
        Assert.Equal("HUB#", session.Prompt);
    }

    [Fact]
    public void ShowRunningConfig_RendersSectionsFromConfig()
    {
        var session = new CliSession(_router.Device, privileged: true);
        new Config.ConfigLoader(_router.Device).Load(SeedConfigs.Hub, "HUB.cfg");

        string output = session.Execute("sh run | sec interface Tunnel1");

        Assert.StartsWith("interface Tunnel1\n description -= DMVPN Tunnel\n", output);
        Assert.EndsWith(" no ip split-horizon eigrp 1\n", output);
    }
}

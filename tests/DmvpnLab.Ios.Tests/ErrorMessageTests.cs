namespace DmvpnLab.Ios.Tests;

public class ErrorMessageTests
{
    private readonly SampleRouter _router = new("HUB");
    private readonly CliSession _session;

    public ErrorMessageTests()
    {
        _session = new CliSession(_router.Device, privileged: true);
    }

    private static string Caret(string prompt, string line, string at, int offset = 0) =>
        new string(' ', prompt.Length + line.IndexOf(at, StringComparison.Ordinal) + offset)
        + "^\n% Invalid input detected at '^' marker.\n\n";

    [Fact]
    public void InvalidKeyword_CaretUnderFirstWrongCharacter()
    {
        const string line = "show ip nhrp brf";

        string output = _session.Execute(line);

        // "br" still matches "brief"; IOS marks the "f" where matching broke.
        Assert.Equal(Caret("HUB#", line, "brf", 2), output);
    }

    [Fact]
    public void InvalidKeyword_NoCommonPrefix_CaretAtWordStart()
    {
        const string line = "show ip nhrp xyz";

        Assert.Equal(Caret("HUB#", line, "xyz"), _session.Execute(line));
    }

    [Fact]
    public void ExtraWord_CaretUnderIt()
    {
        const string line = "show dmvpn now";

        Assert.Equal(Caret("HUB#", line, "now"), _session.Execute(line));
    }

    [Fact]
    public void BadAddress_CaretUnderIt()
    {
        const string line = "ping 10.1.1.300";

        Assert.Equal(Caret("HUB#", line, "10.1.1.300"), _session.Execute(line));
    }

    [Fact]
    public void OutOfRangeNumber_InConfigIf_CaretUnderIt()
    {
        _session.Execute("conf t");
        _session.Execute("interface Tunnel1");
        const string line = " tunnel key 4294967296";

        string output = _session.Execute(line);

        Assert.Equal(Caret("HUB(config-if)#", line, "4294967296"), output);
    }

    [Fact]
    public void Incomplete_IsReported()
    {
        Assert.Equal("% Incomplete command.\n\n", _session.Execute("show ip"));
        Assert.Equal("% Incomplete command.\n\n", _session.Execute("ping"));
    }

    [Fact]
    public void UnknownFirstWord_AtExec_IsUnknownCommand()
    {
        string expected =
            "% Unknown command or computer name, or unable to find computer address\n\n";

        Assert.Equal(expected, _session.Execute("foo"));
        Assert.Equal(expected, new CliSession(_router.Device).Execute("configure terminal"));
    }

    [Fact]
    public void UnknownFirstWord_InConfig_IsInvalidInput()
    {
        _session.Execute("configure terminal");
        const string line = "frobnicate now";

        Assert.Equal(Caret("HUB(config)#", line, "frobnicate"), _session.Execute(line));
    }

    [Fact]
    public void Ambiguous_InConfig_QuotesTheLine()
    {
        _session.Execute("configure terminal");
        _session.Execute("interface Tunnel1");

        // "d" could be default, delay or description.
        Assert.Equal("% Ambiguous command:  \"d 10\"\n\n", _session.Execute("d 10"));
    }

    [Fact]
    public void HandlerRefusal_IsPrintedAsIs()
    {
        _router.Modes.GlobalConfig.Commands.Register("crypto key generate rsa",
            _ => CommandResult.Error("% Not supported by the emulator."));
        _session.Execute("conf t");

        Assert.Equal("% Not supported by the emulator.\n", _session.Execute("cry key gen rsa"));
    }
}

namespace DmvpnLab.Ios.Tests;

public class AbbreviationTests
{
    private readonly SampleRouter _router = new("HUB");
    private readonly CliSession _session;

    public AbbreviationTests()
    {
        _session = new CliSession(_router.Device, privileged: true);
    }

    [Theory]
    [InlineData("sh ip nh br", "exec|show ip nhrp [brief]||brief|")]
    [InlineData("show ip nhrp", "exec|show ip nhrp [brief]|||")]
    [InlineData("sh ip nh nhs det", "exec|show ip nhrp nhs [detail]||detail|")]
    [InlineData("SH IP ROUTE 10.1.1.1", "exec|show ip route [<A.B.C.D>]||10.1.1.1|")]
    [InlineData("sh int tun 1", "exec|show interfaces [<IFNAME>]||Tunnel1|")]
    [InlineData("sh int Gig0/0", "exec|show interfaces [<IFNAME>]||GigabitEthernet0/0|")]
    [InlineData("  sh   ip  int  b  ", "exec|show ip interface brief|||")]
    [InlineData("deb nhrp pa", "privileged-exec|debug nhrp [packet]||packet|")]
    [InlineData("p 10.1.1.1", "exec|ping <A.B.C.D>||10.1.1.1|")]
    public void Execute_UniquePrefixes_ReachTheCommand(string line, string call)
    {
        string output = _session.Execute(line);

        Assert.DoesNotContain("%", output);
        Assert.Equal(call, _router.Calls.Single());
    }

    [Fact]
    public void Execute_KeywordAlternative_IsReportedAsArgument()
    {
        _session.Execute("conf t");
        _session.Execute("int tu1");

        _session.Execute("ip nh map mu dyn");
        _session.Execute("ip nh map mu 10.10.10.1");

        Assert.EndsWith("|dynamic|Tunnel1", _router.Calls[^2]);
        Assert.EndsWith("|10.10.10.1|Tunnel1", _router.Calls[^1]);
    }

    [Fact]
    public void Execute_ExactKeywordAlsoPrefixOfAnother_TakesExact()
    {
        // "ip" is exact although nothing else starts with it; "show ip" vs "show interfaces"
        // resolves because "ip" is typed in full.
        string output = _session.Execute("sh ip route");

        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("sh i", "% Ambiguous command:  \"sh i\"")]
    [InlineData("e", "% Ambiguous command:  \"e\"")]
    [InlineData("c", "% Ambiguous command:  \"c\"")]
    [InlineData("show ip nhrp n", null)]
    public void Execute_SharedPrefix_IsAmbiguous(string line, string? expected)
    {
        string output = _session.Execute(line);

        if (expected is null)
        {
            Assert.DoesNotContain("Ambiguous", output);
        }
        else
        {
            Assert.Equal(expected + "\n\n", output);
        }
    }

    [Fact]
    public void Execute_ConfigAbbreviations_EnterSubModes()
    {
        _session.Execute("conf t");
        _session.Execute("cry isa pol 1");
        _session.Execute("encr 3des");
        _session.Execute("cry ips trans TS esp-3des esp-md5-hmac");
        _session.Execute("mo tun");

        Assert.Equal("HUB(config-crypto-trans)#", _session.Prompt);
        Assert.Equal("config-isakmp|encryption {des|3des|aes}||3des|1", _router.Calls[1]);
        Assert.Equal("config-crypto-trans|mode {tunnel|transport}||tunnel|TS", _router.Calls[^1]);
    }
}

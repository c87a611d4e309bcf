using DmvpnLab.Ios.Filters;

namespace DmvpnLab.Ios.Tests;

public class OutputFilterTests
{
    private const string RunningConfig = """
        hostname HUB
        !
        crypto ipsec profile PROTECT-GRE
         set transform-set TS
        !
        interface GigabitEthernet0/0
         ip address 10.10.10.1 255.255.255.252
        !
        interface Tunnel1
         ip address 172.16.1.1 255.255.255.0
         ip nhrp network-id 1
         tunnel source GigabitEthernet0/0
        !
        ip route 0.0.0.0 0.0.0.0 10.10.10.2

        """;

    private static string Apply(string filterText, string text)
    {
        string line = "show x | " + filterText;
        Assert.True(OutputFilter.TryParse(line, line.IndexOf('|') + 1, out var filter, out _));
        return filter!.Apply(text);
    }

    [Fact]
    public void Include_PipeInPatternIsAlternation()
    {
        var session = new CliSession(new SampleRouter("HUB").Device, privileged: true);

        string output = session.Execute("show crypto ipsec sa | inc crypt:|current_peer");

        Assert.Equal("""
               current_peer 10.10.10.5 port 500
                #pkts encaps: 40, #pkts encrypt: 40, #pkts digest: 40
                #pkts decaps: 41, #pkts decrypt: 41, #pkts verify: 41
               current_peer 10.10.10.9 port 500
                #pkts encaps: 7, #pkts encrypt: 7, #pkts digest: 7
                #pkts decaps: 6, #pkts decrypt: 6, #pkts verify: 6

            """, output);
    }

    [Fact]
    public void Include_IsCaseSensitiveAsInIos()
    {
        var session = new CliSession(new SampleRouter("HUB").Device, privileged: true);

        string output = session.Execute("sh int tun 1 | i BW|bandwidth");

        Assert.Equal("""
              MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,
              Tunnel transmit bandwidth 8000 (kbps)

            """, output);
    }

    [Fact]
    public void Exclude_DropsMatchingLines()
    {
        Assert.Equal("hostname HUB\nip route 0.0.0.0 0.0.0.0 10.10.10.2\n",
            Apply("exclude ^[ !]|^interface|^crypto", RunningConfig));
    }

    [Fact]
    public void Begin_StartsAtFirstMatch()
    {
        Assert.Equal(" tunnel source GigabitEthernet0/0\n!\nip route 0.0.0.0 0.0.0.0 10.10.10.2\n",
            Apply("be tunnel", RunningConfig));
    }

    [Fact]
    public void Begin_NoMatch_PrintsNothing()
    {
        Assert.Equal("", Apply("begin nothing-like-this", RunningConfig));
    }

    [Fact]
    public void Section_TakesHeaderAndItsBlock()
    {
        Assert.Equal("""
            crypto ipsec profile PROTECT-GRE
             set transform-set TS
            interface Tunnel1
             ip address 172.16.1.1 255.255.255.0
             ip nhrp network-id 1
             tunnel source GigabitEthernet0/0

            """, Apply("section interface Tunnel1|crypto ipsec profile", RunningConfig));
    }

    [Fact]
    public void Section_ChildLineMatch_TakesJustThatLine()
    {
        Assert.Equal(" ip nhrp network-id 1\n", Apply("s nhrp", RunningConfig));
    }

    [Fact]
    public void Count_CountsMatchingLines()
    {
        Assert.Equal("Number of lines which match regexp = 2\n",
            Apply("count ip address", RunningConfig));
    }

    [Fact]
    public void Underscore_MatchesDelimiter()
    {
        Assert.Equal("interface Tunnel1\n", Apply("include _Tunnel1$", RunningConfig));
    }

    [Theory]
    [InlineData("show dmvpn | ", "% Incomplete command.")]
    [InlineData("show dmvpn | include", "% Incomplete command.")]
    [InlineData("show dmvpn | e", null)]
    [InlineData("show dmvpn | redirect x", "% Invalid input detected at '^' marker.")]
    [InlineData("show dmvpn | xyz x", "% Invalid input detected at '^' marker.")]
    [InlineData("show dmvpn | inc ([", "% Invalid input detected at '^' marker.")]
    [InlineData("show dmvpn | inc (a)\\1", "% Invalid input detected at '^' marker.")]
    [InlineData("| inc x", "% Invalid input detected at '^' marker.")]
    public void BadFilter_IsRefusedWithIosMessage(string line, string? message)
    {
        var session = new CliSession(new SampleRouter("HUB").Device, privileged: true);

        string output = session.Execute(line);

        if (message is null)
        {
            Assert.Equal("% Incomplete command.\n\n", output);
        }
        else
        {
            Assert.Contains(message, output);
        }
    }

    [Fact]
    public void BadFilter_CaretUnderFilterWord()
    {
        var session = new CliSession(new SampleRouter("HUB").Device, privileged: true);

        string output = session.Execute("show dmvpn | xyz x");

        Assert.StartsWith(new string(' ', "HUB#show dmvpn | ".Length) + "^\n", output);
    }
}

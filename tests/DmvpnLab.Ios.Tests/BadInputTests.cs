using DmvpnLab.Ios.Config;

namespace DmvpnLab.Ios.Tests;

/// <summary>Whatever is typed or pasted, the CLI answers with text and never throws.</summary>
public class BadInputTests
{
    private const int Seed = 20240601;

    private static readonly string[] Words =
    [
        "show", "sh", "ip", "nhrp", "no", "default", "do", "interface", "int", "tun", "1",
        "gi0/0", "Tunnel1", "keepalive", "5", "10", "99999999999999999999999", "-1",
        "10.10.10.1", "300.1.1.1", "1.2.3", "|", "| inc", "|i", "crypt:|peer", "(", "[", "\\",
        "\t", "  ", "!!", "!", "description", "exit", "end", "conf", "t", "router", "ei",
        "crypto", "isakmp", "key", "address", "é", "\u0000", "\r", "map", "multicast",
        "section", "count", "begin", "exclude", "_", "^", "$", "enable", "disable", "logout",
    ];

    public static TheoryData<string> Lines => new()
    {
        "",
        "   ",
        "\t\t",
        "\tshow\tip\troute",
        "?",
        "show ?",
        new string('x', 100_000),
        string.Join(' ', Enumerable.Repeat("show", 20_000)),
        "show ip route " + new string('9', 5_000),
        "ping 10.10.10.1 " + string.Join(' ', Enumerable.Repeat("x", 10_000)),
        "show dmvpn | include " + new string('(', 3_000),
        "show dmvpn | include (a+)+$",
        "\u0001\u0002\u0003",
        "😀 show",
        "|||",
        "do",
        "no",
        "default",
        "interface",
        "interface gi",
        "interface gi0/",
        "interface Tunnel99999999999999999999",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Session_InEveryMode_NeverThrows(string line)
    {
        foreach (string[] path in new[]
        {
            Array.Empty<string>(), ["enable"], ["enable", "conf t"],
            ["enable", "conf t", "int tun1"], ["enable", "conf t", "router eigrp 1"],
        })
        {
            var session = new CliSession(new SampleRouter().Device);
            foreach (string step in path)
            {
                session.Execute(step);
            }

            string output = session.Execute(line);

            Assert.NotNull(output);
        }
    }

    [Fact]
    public void Session_SeededRandomLines_NeverThrow()
    {
        var random = new Random(Seed);
        var router = new SampleRouter();
        var session = new CliSession(router.Device, privileged: true);
        for (int i = 0; i < 3_000; i++)
        {
            string line = RandomLine(random);
            string? failure = null;
            try
            {
                session.Execute(line);
            }
            catch (Exception exception)
            {
                failure = $"seed {Seed}, line {i}: \"{line}\" threw {exception}";
            }

            Assert.True(failure is null, failure);
            if (session.IsClosed || random.Next(20) == 0)
            {
                session = new CliSession(router.Device, privileged: random.Next(2) == 0);
            }
        }
    }

    [Fact]
    public void Loader_GarbageFile_NeverThrowsAndReportsEveryBadLine()
    {
        var random = new Random(Seed);
        var text = string.Join("\n", Enumerable.Range(0, 2_000).Select(_ => RandomLine(random)));

        var result = new ConfigLoader(new SampleRouter().Device).Load(text, "garbage.cfg");

        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("garbage.cfg:", d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Loader_OddLine_NeverThrows(string line)
    {
        var result = new ConfigLoader(new SampleRouter().Device).Load(
            "interface Tunnel1\n" + line + "\n keepalive 5 10\n", "odd.cfg");

        Assert.NotNull(result);
    }

    [Fact]
    public void Loader_EmptyAndCommentOnlyFiles_AreFine()
    {
        var loader = new ConfigLoader(new SampleRouter().Device);

        Assert.Empty(loader.Load("", "empty.cfg").Diagnostics);
        Assert.Empty(loader.Load("!\n!\r\n\n   \n\t\n", "bangs.cfg").Diagnostics);
    }

    [Fact]
    public void Loader_TabIndentedLine_CaretStillLinesUp()
    {
        var result = new ConfigLoader(new SampleRouter().Device).Load(
            "interface Tunnel1\n\ttunnel\tkey\tabc\n", "tabs.cfg");

        var diagnostic = result.Errors.Single();
        Assert.Equal(" tunnel key abc", diagnostic.Line);
        Assert.Equal(diagnostic.Line.IndexOf("abc", StringComparison.Ordinal),
            diagnostic.CaretColumn);
    }

    private static string RandomLine(Random random)
    {
        int count = random.Next(0, 9);
        var words = Enumerable.Range(0, count).Select(_ => Words[random.Next(Words.Length)]);
        return string.Join(random.Next(3) == 0 ? "  " : " ", words);
    }
}

using DmvpnLab.Cli.Verbs;

namespace DmvpnLab.Lab.Tests;

public class RunLabTests
{
    [Fact]
    public void TwoRoutersAndAPc_PingAcrossAStaticRoute_AllAnswered()
    {
        using var lab = TestLab.Boot(TwoRoutersAndAPc());

        string output = lab.Execute("PC", "ping 10.0.12.2");

        Assert.Equal(5, output.Split('\n').Count(l => l.StartsWith("84 bytes from 10.0.12.2")));
        Assert.Contains("ttl=254", output);
        Assert.Contains("Success rate is 100 percent (5/5)", lab.Execute("R2", "ping 192.168.1.10"));
    }

    [Fact]
    public void Traceroute_FromRouterAndFromPc_ListsEachHopAndStopsAtTheTarget()
    {
        using var lab = TestLab.Boot(TwoRoutersAndAPc());

        string router = lab.Execute("R2", "traceroute 192.168.1.10");
        string pc = lab.Execute("PC", "trace 10.0.12.2");

        Assert.Matches(@"\n  1 10\.0\.12\.1 \d+ msec \d+ msec \d+ msec\n", router);
        Assert.Matches(@"\n  2 192\.168\.1\.10 \d+ msec \d+ msec \d+ msec\n$", router);
        Assert.Matches(@"\n 1   192\.168\.1\.1   ", pc);
        Assert.Contains(" 2   *10.0.12.2   ", pc);
        Assert.Contains("Destination port unreachable", pc);
    }

    private static Dictionary<string, string> TwoRoutersAndAPc() => new()
    {
            ["lab.yaml"] = """
                name: two-routers
                topology:
                  nodes:
                    R1: { kind: ios, config: R1.cfg }
                    R2: { kind: ios, config: R2.cfg }
                    PC: { kind: vpcs, config: PC.vpc }
                  links:
                    - endpoints: ["R1:Gi0/0", "R2:Gi0/0"]
                    - endpoints: ["R1:Gi0/1", "PC:eth0"]
                """,
            ["R1.cfg"] = """
                hostname R1
                interface GigabitEthernet0/0
                 ip address 10.0.12.1 255.255.255.0
                interface GigabitEthernet0/1
                 ip address 192.168.1.1 255.255.255.0
                """,
            ["R2.cfg"] = """
                hostname R2
                interface Gi0/0
                 ip address 10.0.12.2 255.255.255.0
                ip route 192.168.1.0 255.255.255.0 10.0.12.1
                """,
            ["PC.vpc"] = "ip 192.168.1.10/24 192.168.1.1\n",
    };

    [Fact]
    public void MissingFolder_OneLineErrorAndExitCode2()
    {
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            int status = RunVerb.Run("/nonexistent/lab/folder", null, false, TextWriter.Null);
            Assert.Equal(2, status);
        }
        finally
        {
            Console.SetError(saved);
        }

        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
    }
}

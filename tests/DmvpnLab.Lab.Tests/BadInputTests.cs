using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Scripts;

namespace DmvpnLab.Lab.Tests;

/// <summary>Inputs found by attacking the loaders: each must give a clear error, never a crash.</summary>
public class BadInputTests
{
    private const string OneRouter = """
        name: one
        topology:
          nodes:
            R1: { kind: ios, config: R1.cfg }
        """;

    private static TestLab BootRouter(string config) => TestLab.Boot(
        new Dictionary<string, string> { ["lab.yaml"] = OneRouter, ["R1.cfg"] = config });

    [Theory]
    [InlineData("interface Tunnel1\n tunnel source Tunnel1\n", "cannot be sourced from itself")]
    [InlineData("interface Tunnel2\ninterface Tunnel1\n tunnel source Tunnel2\n" +
        "interface Tunnel2\n tunnel source Tunnel1\n",
        "cannot be sourced from itself")]
    [InlineData("interface Gi0/0\n ip address 10.0.0.1 255.0.255.0\n", "Bad mask 0xFF00FF00 for address 10.0.0.1")]
    [InlineData("interface Gi0/0\n ip address 10.0.0.0 255.255.255.0\n", "Not a valid host address - 10.0.0.0")]
    [InlineData("interface Gi0/0\n ip address 0.0.0.0 255.255.255.0\n", "Not a valid host address - 0.0.0.0")]
    [InlineData("interface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n" +
        "interface Gi0/1\n ip address 10.0.0.2 255.255.255.252\n",
        "% 10.0.0.0 overlaps with GigabitEthernet0/0")]
    [InlineData("interface Gi0/0\n ip address 10.0.0.1 255.255.255.0\nip route 10.9.0.0 255.255.0.0 10.0.0.1\n",
        "%Invalid next hop address (it's this router)")]
    [InlineData("interface Tunnel99999999999\n", "% Invalid input detected")]
    public void RefusedConfigLine_NamedInTheLog_LabKeepsRunning(string config, string message)
    {
        using var lab = BootRouter(config);

        Assert.Contains(lab.Lab.Log.Lines, l => l.Contains(message));
        Assert.Contains("Interface", lab.Execute("R1", "show ip interface brief"));
    }

    private const string Links = "name: x\ntopology:\n  nodes:\n    R1: { kind: ios }\n  links:\n";

    private const string SelfLink = Links + "    - endpoints: [\"R1:Gi0/0\", \"R1:Gi0/1\"]\n";

    [Fact]
    public void EndInTheMiddle_TheIgnoredLinesAreReported()
    {
        using var lab = BootRouter("hostname R1\nend\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n");

        Assert.Contains(lab.Lab.Log.Lines,
            l => l == "R1.cfg:2: configuration ends here; 2 lines after it were not applied");
    }

    [Theory]
    [InlineData("name: x\ntopology:\n", "topology is missing")]
    [InlineData("name: x\ntopology:\n  nodes:\n", "topology has no nodes")]
    [InlineData("name: x\ntopology:\n  nodes:\n    R1:\n", "node R1: kind is missing")]
    [InlineData(Links + "    -\n", "needs exactly two endpoints")]
    [InlineData(Links + "    - endpoints: [~, \"R1:Gi0/0\"]\n", "an endpoint is empty")]
    [InlineData("name: x\ntopology:\n  nodes:\n    R1: { kind: ios }\n    R1: { kind: vpcs }\n", "lab.yaml:")]
    [InlineData("name: x\ntopology:\n  nodes:\n    R1: { kind: ios, ports: -1 }\n", "ports must be between 1 and 4096")]
    [InlineData("name: x\ntopology:\n  nodes:\n    R1: { kind: ios, ports: 2000000000 }\n",
        "ports must be between 1 and 4096")]
    [InlineData(SelfLink + "      delay: 1e300h\n", "not a duration")]
    [InlineData(SelfLink + "      loss: .nan\n", "loss must be between 0 and 1")]
    public void BadLabYaml_ClearOneLineError(string yaml, string expected)
    {
        var error = Assert.Throws<LabLoadException>(() => LabDefinitionReader.Parse(yaml, "lab.yaml"));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void PortCabledToItself_Refused()
    {
        var error = Assert.Throws<LabLoadException>(() => TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = OneRouter + "\n  links:\n    - endpoints: [\"R1:Gi0/0\", \"R1:Gi0/0\"]\n",
            ["R1.cfg"] = "",
        }));

        Assert.Contains("both ends are R1:GigabitEthernet0/0", error.Message);
    }

    [Theory]
    [InlineData("../outside.cfg", "is outside the lab folder")]
    [InlineData("/etc/hostname", "is outside the lab folder")]
    [InlineData("missing.cfg", "is not a regular file")]
    public void ConfigPath_MustBeARegularFileInsideTheLab(string path, string expected)
    {
        var error = Assert.Throws<LabLoadException>(() => TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = $"name: x\ntopology:\n  nodes:\n    R1: {{ kind: ios, config: \"{path}\" }}\n",
        }));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("wait 99999999h")]
    [InlineData("wait NaNs")]
    [InlineData("wait Infinityh")]
    public void HugeOrNonNumericWait_Refused(string line)
    {
        var error = Assert.Throws<LabLoadException>(() =>
            LabScript.Parse(line + "\n", "script.txt", ["R1"]));

        Assert.Contains("script.txt:1", error.Message);
    }

    [Fact]
    public void ControlCharactersInAScriptLine_NotEchoed()
    {
        var error = Assert.Throws<LabLoadException>(() =>
            LabScript.Parse("bad \u001b[31m line\n", "script.txt", ["R1"]));

        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public void BacktrackingExpectPattern_FailsTheExpectationInsteadOfHanging()
    {
        using var lab = BootRouter("hostname R1\n");
        var transcript = new StringWriter();
        var runner = new ScriptRunner(lab.Lab, transcript);
        var script = LabScript.Parse(
            "R1# show ip interface brief\nexpect ^(\\s*\\S*\\s*)*x$\n", "script.txt", ["R1"]);

        runner.Run(script);

        Assert.Equal(1, runner.FailedExpectations);
        Assert.Contains("took longer than 2 s", transcript.ToString());
    }
}

using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Scripts;

namespace DmvpnLab.Lab.Tests;

public class LabLoadingTests
{
    private const string OneRouter = """
        name: one
        topology:
          nodes:
            R1: { kind: ios, config: R1.cfg }
        """;

    [Fact]
    public void UnknownConfigLine_ReportedWithFileAndLine_AndTheRestLoads()
    {
        using var lab = TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = OneRouter,
            ["R1.cfg"] = "hostname R1\nfrobnicate the router\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n",
        });

        string warning = Assert.Single(lab.Lab.Log.Lines, l => l.Contains("R1.cfg:2:"));
        Assert.Contains("% Invalid input detected at '^' marker.", warning);
        Assert.Contains("10.0.0.1", lab.Execute("R1", "show ip interface brief"));
        Assert.Equal("R1#", lab.Lab.Nodes["R1"].Prompt);
    }

    [Fact]
    public void DoubleBangRemarks_IgnoredAndCountedInTheLog()
    {
        using var lab = TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = OneRouter,
            ["R1.cfg"] = "hostname R1 !! the name\ninterface Gi0/0 !! WAN\n",
        });

        Assert.Contains(lab.Lab.Log.Lines, l => l == "R1.cfg: ignored 2 `!!` remarks");
        Assert.Equal(0, lab.Lab.Log.WarningCount);
    }

    [Theory]
    [InlineData("[\"R1:Gi0/0\", \"R9:Gi0/0\"]", "unknown node 'R9'")]
    [InlineData("[\"R1:Gi0/0\", \"R1:Gi0/9\"]", "node R1 has no interface 'Gi0/9'")]
    [InlineData("[\"R1:Gi0/0\", \"R1\"]", "endpoint 'R1' is not node:interface")]
    [InlineData("[\"R1:Gi0/0\"]", "needs exactly two endpoints")]
    public void BadLink_FailsWithAMessageNamingTheFault(string endpoints, string expected)
    {
        var error = Assert.Throws<LabLoadException>(() => TestLab.Boot(new Dictionary<string, string>
        {
            ["lab.yaml"] = OneRouter + "\n  links:\n    - endpoints: " + endpoints + "\n",
            ["R1.cfg"] = "hostname R1\n",
        }));

        Assert.Contains(expected, error.Message);
        Assert.Contains("lab.yaml", error.Message);
    }

    [Theory]
    [InlineData("name: x\ntopology:\n  nodes:\n    R1: { kind: junos }\n", "unknown kind 'junos'")]
    [InlineData("name: x\ntopology:\n  nodes: {}\n", "topology has no nodes")]
    [InlineData("name: [unclosed\n", "lab.yaml:")]
    [InlineData("nmae: typo\n", "lab.yaml:")]
    public void BadYaml_FailsWithOneLineNamingTheFile(string yaml, string expected)
    {
        var error = Assert.Throws<LabLoadException>(() =>
            LabDefinitionReader.Parse(yaml, "lab.yaml"));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("R9# show ip route", "unknown node 'R9'")]
    [InlineData("wait forever", "is not a duration")]
    [InlineData("expect [unclosed", "bad expect pattern")]
    [InlineData("what is this", "cannot read")]
    public void BadScriptLine_FailsNamingTheLine(string line, string expected)
    {
        var error = Assert.Throws<LabLoadException>(() =>
            LabScript.Parse("# first line\n" + line + "\n", "script.txt", ["R1"]));

        Assert.Contains("script.txt:2", error.Message);
        Assert.Contains(expected, error.Message);
    }
}

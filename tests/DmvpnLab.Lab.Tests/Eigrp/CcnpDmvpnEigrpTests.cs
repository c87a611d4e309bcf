using DmvpnLab.Lab;

namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>The lab notes' emulated internet: INET1 and INET2 run `router ei 1`.</summary>
public class CcnpDmvpnEigrpTests
{
    private static string LabFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null &&
               !Directory.Exists(Path.Combine(directory.FullName, "labs", "ccnp-dmvpn")))
            directory = directory.Parent;

        return Path.Combine(directory!.FullName, "labs", "ccnp-dmvpn");
    }

    [Fact]
    public void InternetRouters_LearnEachOthersLinks_AndHubReachesSpokeNbmaAddresses()
    {
        using var lab = LabInstance.Load(LabFolder(), new LabOptions { Seed = 2017 });
        lab.Boot();
        lab.Scheduler.RunFor(TimeSpan.FromSeconds(30));

        var inet1 = new StringWriter { NewLine = "\n" };
        lab.Nodes["INET1"].Execute("show ip route", inet1);
        var inet2 = new StringWriter { NewLine = "\n" };
        lab.Nodes["INET2"].Execute("show ip route", inet2);
        var ping = new StringWriter { NewLine = "\n" };
        lab.Nodes["HUB"].Execute("ping 10.10.10.5", ping);
        lab.Nodes["HUB"].Execute("ping 10.10.10.9", ping);

        Assert.Matches(@"D +10\.10\.10\.4/30 \[90/3072\] via 1\.1\.1\.2, .*GigabitEthernet0/1",
            inet1.ToString());
        Assert.Matches(@"D +10\.10\.10\.8/30 \[90/3072\] via 1\.1\.1\.2, .*GigabitEthernet0/1",
            inet1.ToString());
        Assert.Matches(@"D +10\.10\.10\.0/30 \[90/3072\] via 1\.1\.1\.1, .*GigabitEthernet0/0",
            inet2.ToString());
        Assert.Equal(2, ping.ToString().Split('\n')
            .Count(l => l.StartsWith("Success rate is 100 percent (5/5)",
                StringComparison.Ordinal)));
    }
}

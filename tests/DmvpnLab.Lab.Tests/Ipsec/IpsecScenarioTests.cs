using System.Text.RegularExpressions;

namespace DmvpnLab.Lab.Tests.Ipsec;

public class IpsecScenarioTests
{
    [Fact]
    public void PointToPoint_PingAcross_QmIdleAndCountersOnBothSides()
    {
        using var lab = ProtectedTunnelLab.Boot();

        string first = lab.Execute("R1", "ping 172.16.1.2");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));
        string second = lab.Execute("R1", "ping 172.16.1.2");

        Assert.Contains("Success rate is 100 percent (5/5)", second);
        string isakmp = lab.Execute("R1", "show crypto isakmp sa");
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +QM_IDLE +1001 ACTIVE", isakmp);
        string r2 = lab.Execute("R2", "show crypto isakmp sa");
        Assert.Matches(@"10\.0\.0\.2 +10\.0\.0\.1 +QM_IDLE +1001 ACTIVE", r2);
        string sa = lab.Execute("R1", "show crypto ipsec sa | inc crypt:|current_peer");
        Assert.Contains("   current_peer 10.0.0.2 port 500", sa);
        Assert.Matches(@"#pkts encaps: (\d+), #pkts encrypt: \1, #pkts digest: \1", sa);
        Assert.Contains(first, first); // the first ping may lose packets while IKE runs
    }
}

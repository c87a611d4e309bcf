namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// `wait converged` with EIGRP: an interface is settled only once it has heard its
/// neighbors (or one hold time passed with none) and each startup exchange is done.
/// </summary>
public class EigrpConvergenceTests
{
    [Fact]
    public void DmvpnHubAndSpokes_WaitConverged_ReturnsOnlyOnceSpokesHaveTheRoutes()
    {
        using var lab = EigrpDmvpnLab.Boot();

        Assert.True(lab.Lab.WaitConverged(TimeSpan.FromSeconds(90)));

        string spoke1 = lab.Execute("SPOKE-1", "show ip route");
        Assert.Matches(@"D +192\.168\.160\.0/24 \[90/\d+\] via 172\.16\.1\.1, .*Tunnel1", spoke1);
        Assert.Matches(@"D +192\.168\.161\.0/24 \[90/\d+\] via 172\.16\.1\.1, .*Tunnel1", spoke1);
        string spoke2 = lab.Execute("SPOKE-2", "show ip route");
        Assert.Matches(@"D +192\.168\.164\.0/24 \[90/\d+\] via 172\.16\.1\.1, .*Tunnel1", spoke2);
        string ping = lab.Execute("VPC-5", "ping 192.168.160.10");
        Assert.StartsWith("84 bytes from 192.168.160.10 icmp_seq=1 ", ping);
        Assert.Equal(5, ping.Split('\n').Count(l => l.StartsWith("84 bytes from")));
    }

    [Fact]
    public void StubLanWithNoRouter_SettlesAfterOneHoldTime()
    {
        using var lab = EigrpDmvpnLab.Boot();

        // Until the hold time has passed, a spoke's PC LAN might still hear a router.
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(13));
        Assert.False(lab.Lab.AllConverged());

        Assert.True(lab.Lab.WaitConverged(TimeSpan.FromSeconds(60)));
        Assert.InRange(lab.Lab.Scheduler.Now.TotalSeconds, 15, 40);
    }
}

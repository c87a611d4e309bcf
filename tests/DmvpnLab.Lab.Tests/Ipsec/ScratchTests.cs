namespace DmvpnLab.Lab.Tests.Ipsec;

public class ScratchTests
{
    [Fact]
    public void Scratch()
    {
        using var lab = ProtectedTunnelLab.Boot();
        var log = new System.Text.StringBuilder();
        foreach (var n in lab.Lab.Nodes.Values)
        {
            var name = n.Name;
            n.Network.Log.Line += (t, m) => log.AppendLine($"{name} {t / 1e6:0.000} {m}");
            n.Network.Log.EnableDebug("crypto isakmp");
            n.Network.Log.EnableDebug("crypto ipsec");
        }

        log.AppendLine(lab.Execute("R1", "ping 172.16.1.2"));
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));
        log.AppendLine(lab.Execute("R1", "ping 172.16.1.2"));
        File.WriteAllText("/tmp/scratch.txt", log.ToString());
    }
}

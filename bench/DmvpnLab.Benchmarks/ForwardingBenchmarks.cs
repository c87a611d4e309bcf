using BenchmarkDotNet.Attributes;
using DmvpnLab.Lab;
using DmvpnLab.Lab.Nodes;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Icmp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Benchmarks;

/// <summary>
/// One IPv4 packet forwarded through a two-router lab: in at R1's LAN port, routed, across
/// the R1–R2 link, routed again, out to the PC behind R2. The budget is zero allocations per
/// forwarded packet (MemoryDiagnoser's "Allocated" column).
/// </summary>
[MemoryDiagnoser]
public class ForwardingBenchmarks
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["lab.yaml"] = """
            name: forward
            topology:
              nodes:
                R1: { kind: ios, config: R1.cfg }
                R2: { kind: ios, config: R2.cfg }
                PC1: { kind: vpcs, config: PC1.vpc }
                PC2: { kind: vpcs, config: PC2.vpc }
              links:
                - endpoints: ["PC1:eth0", "R1:Gi0/1"]
                - endpoints: ["R1:Gi0/0", "R2:Gi0/0"]
                - endpoints: ["R2:Gi0/1", "PC2:eth0"]
            """,
        ["R1.cfg"] = """
            hostname R1
            interface GigabitEthernet0/0
             ip address 10.0.12.1 255.255.255.252
            interface GigabitEthernet0/1
             ip address 192.168.1.1 255.255.255.0
            ip route 192.168.2.0 255.255.255.0 10.0.12.2
            """,
        ["R2.cfg"] = """
            hostname R2
            interface GigabitEthernet0/0
             ip address 10.0.12.2 255.255.255.252
            interface GigabitEthernet0/1
             ip address 192.168.2.1 255.255.255.0
            ip route 192.168.1.0 255.255.255.0 10.0.12.1
            """,
        ["PC1.vpc"] = "ip 192.168.1.10/24 192.168.1.1\n",
        ["PC2.vpc"] = "ip 192.168.2.10/24 192.168.2.1\n",
    };

    private string folder = null!;
    private LabInstance lab = null!;
    private EthernetInterface ingress = null!;
    private byte[] frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "dmvpnlab-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in Files)
            File.WriteAllText(Path.Combine(folder, name), text);

        lab = LabInstance.Load(folder);
        lab.Boot();

        // A ping end to end resolves every ARP entry on the way before measuring.
        lab.Nodes["PC1"].Execute("ping 192.168.2.10", TextWriter.Null);
        lab.Scheduler.RunFor(TimeSpan.FromSeconds(10));

        ingress = ((IosRouter)lab.Nodes["R1"]).FindPort("Gi0/1")!;
        frame = EchoReplyFrame(ingress.Mac);

        // Measure forwarding, not a drop: the packet must come out on R2's LAN link.
        var lastHop = lab.Links[2];
        long before = lastHop.FramesCarried;
        ForwardOnePacket();
        if (lastHop.FramesCarried != before + 1)
            throw new InvalidOperationException($"{lastHop.Name} did not carry the packet");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        lab.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>An echo reply PC2 does not expect: it is delivered and quietly ignored.</summary>
    [Benchmark]
    public long ForwardOnePacket()
    {
        ingress.ReceiveFrame(frame);
        lab.Scheduler.RunFor(TimeSpan.FromMilliseconds(5));
        return lab.Scheduler.EventsExecuted;
    }

    private static byte[] EchoReplyFrame(MacAddress routerMac)
    {
        byte[] echo = new byte[IcmpMessageView.HeaderLength + 56];
        IcmpMessage.WriteEchoHeader(echo, reply: true, identifier: 0xBEEF, sequenceNumber: 1);
        byte[] packet = new byte[Ipv4HeaderView.MinimumHeaderLength + echo.Length];
        Ipv4Header.WriteHeader(packet, Ipv4Address.Parse("192.168.1.10"),
            Ipv4Address.Parse("192.168.2.10"), IpProtocol.Icmp, 64, 0, 1, false, echo.Length);
        echo.CopyTo(packet, Ipv4HeaderView.MinimumHeaderLength);
        byte[] ethernet = new byte[EthernetFrameView.HeaderLength + packet.Length];
        EthernetFrame.WriteHeader(ethernet, routerMac, MacAddress.Parse("02:00:00:00:01:0a"),
            EtherType.Ipv4);
        packet.CopyTo(ethernet, EthernetFrameView.HeaderLength);
        return ethernet;
    }
}

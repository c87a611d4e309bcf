using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Lab.Tests.Eigrp;

/// <summary>
/// Bad EIGRP packets from a peer are counted by reason and dropped; nothing throws.
/// </summary>
public class EigrpBadPacketTests
{
    private static readonly Ipv4Address Stranger = Ipv4Address.Parse("10.0.12.9");

    private static byte[] Hello(ushort autonomousSystem, byte k1 = 1)
    {
        var packet = new EigrpPacket
        {
            Opcode = EigrpOpcode.Hello,
            AutonomousSystem = autonomousSystem,
            Tlvs =
            {
                new EigrpParametersTlv { K1 = k1 },
                new EigrpSoftwareVersionTlv
                {
                    ReleaseMajor = 12, ReleaseMinor = 4, TlvVersionMajor = 1, TlvVersionMinor = 2,
                },
            },
        };
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);
        return bytes;
    }

    private static byte[] InIpv4(byte[] eigrp, Ipv4Address source)
    {
        var bytes = new byte[20 + eigrp.Length];
        Ipv4Header.WriteHeader(bytes, source, Ipv4Address.Parse("224.0.0.10"), IpProtocol.Eigrp,
            2, 0xC0, 0, false, eigrp.Length);
        eigrp.CopyTo(bytes, 20);
        return bytes;
    }

    private static (TestLab Lab, EigrpProtocol R1) Boot()
    {
        var lab = EigrpLineLab.Boot();
        Assert.True(lab.Lab.WaitConverged(TimeSpan.FromSeconds(60)));
        return (lab, lab.Lab.Nodes["R1"].Network.GetFeature<EigrpProtocol>()!);
    }

    private static void Inject(TestLab lab, byte[] ipv4)
    {
        var node = lab.Lab.Nodes["R1"].Network;
        node.Ipv4.Receive(node.FindInterface("GigabitEthernet0/0")!, ipv4);
    }

    [Fact]
    public void BadChecksum_CountedAndDropped()
    {
        var (lab, r1) = Boot();
        using var _ = lab;
        var eigrp = Hello(1);
        eigrp[2] ^= 0xFF;

        Inject(lab, InIpv4(eigrp, Stranger));

        Assert.Equal(1, r1.Drops(EigrpDropReason.BadChecksum));
        Assert.DoesNotContain("10.0.12.9", lab.Execute("R1", "show ip eigrp neighbors"));
    }

    [Fact]
    public void EveryTruncation_CountedAsMalformed_NeverThrows()
    {
        var (lab, r1) = Boot();
        using var _ = lab;
        var eigrp = Hello(1);

        for (int length = 0; length < eigrp.Length; length++)
            Inject(lab, InIpv4(eigrp[..length], Stranger));

        Assert.Equal(eigrp.Length, r1.Drops(EigrpDropReason.Malformed) +
                                   r1.Drops(EigrpDropReason.BadChecksum));
        Assert.DoesNotContain("10.0.12.9", lab.Execute("R1", "show ip eigrp neighbors"));
    }

    [Fact]
    public void WrongAutonomousSystem_CountedAndDropped()
    {
        var (lab, r1) = Boot();
        using var _ = lab;

        Inject(lab, InIpv4(Hello(2), Stranger));

        Assert.Equal(1, r1.Drops(EigrpDropReason.WrongAutonomousSystem));
        Assert.DoesNotContain("10.0.12.9", lab.Execute("R1", "show ip eigrp neighbors"));
    }

    [Fact]
    public void KValueMismatch_CountedLoggedAndNoAdjacency()
    {
        var (lab, r1) = Boot();
        using var _ = lab;
        var log = new List<string>();
        lab.Lab.Nodes["R1"].Network.Log.Line += (_, line) => log.Add(line);

        Inject(lab, InIpv4(Hello(1, k1: 2), Stranger));

        Assert.Equal(1, r1.Drops(EigrpDropReason.KValueMismatch));
        Assert.Contains("%DUAL-5-NBRCHANGE: EIGRP-IPv4 1: Neighbor 10.0.12.9 " +
                        "(GigabitEthernet0/0) is down: K-value mismatch", log);
        Assert.DoesNotContain("10.0.12.9", lab.Execute("R1", "show ip eigrp neighbors"));
    }

    [Fact]
    public void NotOnCommonSubnet_CountedAndDropped()
    {
        var (lab, r1) = Boot();
        using var _ = lab;

        Inject(lab, InIpv4(Hello(1), Ipv4Address.Parse("172.16.0.9")));

        Assert.Equal(1, r1.Drops(EigrpDropReason.NotOnCommonSubnet));
    }

    [Fact]
    public void EveryBitFlip_NeverThrows_AndTheAdjacencySurvives()
    {
        var (lab, _) = Boot();
        using var __ = lab;
        var eigrp = Hello(1);

        for (int bit = 0; bit < eigrp.Length * 8; bit++)
        {
            var flipped = (byte[])eigrp.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Inject(lab, InIpv4(flipped, Stranger));
        }

        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(20));
        Assert.Contains("10.0.12.2", lab.Execute("R1", "show ip eigrp neighbors"));
    }

    [Fact]
    public void UpdateFromUnknownRouter_CountedAndDropped()
    {
        var (lab, r1) = Boot();
        using var _ = lab;
        var update = new EigrpPacket
        {
            Opcode = EigrpOpcode.Update,
            SequenceNumber = 7,
            AutonomousSystem = 1,
            Tlvs =
            {
                new EigrpInternalRouteTlv
                {
                    Metric = new EigrpClassicMetric(256, 2560, 1500, 0, 255, 1, 0,
                        EigrpRouteFlags.None),
                    Destination = Ipv4Address.Parse("203.0.113.0"),
                    PrefixLength = 24,
                },
            },
        };
        var bytes = new byte[update.Length];
        update.Emit(bytes);

        Inject(lab, InIpv4(bytes, Stranger));

        Assert.Equal(1, r1.Drops(EigrpDropReason.UnknownNeighbor));
        Assert.DoesNotContain("203.0.113.0", lab.Execute("R1", "show ip route"));
    }
}

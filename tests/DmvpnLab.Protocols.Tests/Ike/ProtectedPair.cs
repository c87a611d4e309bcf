using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Tests.Ike;

/// <summary>
/// Two routers A (10.0.0.1) and B (10.0.0.2) on one link, each with a point-to-point GRE
/// Tunnel1 protected by the lab notes' policy, configured through the objects the IOS
/// commands fill in. Frames on the link are recorded so tests can replay or tamper.
/// </summary>
internal sealed class ProtectedPair : IFrameTap
{
    public static readonly Ipv4Address AAddress = Ipv4Address.Parse("10.0.0.1");
    public static readonly Ipv4Address BAddress = Ipv4Address.Parse("10.0.0.2");

    public ProtectedPair(string keyA = "isakmp1234", string keyB = "isakmp1234",
        IpsecEncapsulationMode mode = IpsecEncapsulationMode.Tunnel, int seed = 1)
    {
        Scheduler = new Scheduler(seed);
        var pool = new PacketBufferPool();
        A = new NetworkNode("A", Scheduler, pool, 1);
        B = new NetworkNode("B", Scheduler, pool, 2);
        AWan = A.AddInterface(new EthernetInterface(A, "GigabitEthernet0/0", A.NewMacAddress(0)));
        BWan = B.AddInterface(new EthernetInterface(B, "GigabitEthernet0/0", B.NewMacAddress(0)));
        Link = new Link(Scheduler, pool, "A--B", AWan, BWan) { Tap = this };
        AWan.Attach(Link);
        BWan.Attach(Link);
        AWan.SetAddress(AAddress, 24);
        BWan.SetAddress(BAddress, 24);
        ATunnel = Tunnel(A, AWan, "172.16.1.1", BAddress);
        BTunnel = Tunnel(B, BWan, "172.16.1.2", AAddress);
        AIpsec = Configure(A, ATunnel, keyA, mode);
        BIpsec = Configure(B, BTunnel, keyB, mode);
    }

    public Scheduler Scheduler { get; }

    public NetworkNode A { get; }

    public NetworkNode B { get; }

    public EthernetInterface AWan { get; }

    public EthernetInterface BWan { get; }

    public GreTunnelInterface ATunnel { get; }

    public GreTunnelInterface BTunnel { get; }

    public IpsecService AIpsec { get; }

    public IpsecService BIpsec { get; }

    public IkeService AIke => AIpsec.Ike;

    public IkeService BIke => BIpsec.Ike;

    public Link Link { get; }

    /// <summary>Every frame the link carried (or lost), in order.</summary>
    public List<byte[]> Frames { get; } = [];

    public void OnFrame(long timeNanoseconds, ReadOnlySpan<byte> frame) =>
        Frames.Add(frame.ToArray());

    /// <summary>A asks for protection toward B, as its tunnel would on its first packet.</summary>
    public void RequestFromA() => AIke.RequestSa(ATunnel, BAddress);

    /// <summary>A pings B's tunnel address once.</summary>
    public void PingFromA(ushort sequence) =>
        A.Ipv4.Icmp.SendEchoRequest(Ipv4Address.Parse("172.16.1.2"), 1, sequence, 56);

    /// <summary>Resolves ARP both ways with a throwaway datagram: later losses hit IKE.</summary>
    public void WarmUpArp()
    {
        A.Udp.Send(AAddress, 9, BAddress, 9, [0]);
        Run(0.1);
        Frames.Clear();
    }

    public void Run(double seconds) => Scheduler.RunFor(TimeSpan.FromSeconds(seconds));

    /// <summary>The recorded IPv4 packets of one protocol, Ethernet removed.</summary>
    public List<byte[]> Packets(byte protocol) =>
        Frames.Where(f => f.Length > 34 && f[12] == 0x08 && f[13] == 0 && f[14 + 9] == protocol)
            .Select(f => f[14..]).ToList();

    /// <summary>The ISAKMP messages (UDP payloads) recorded, from one sender if given.</summary>
    public List<byte[]> IsakmpMessages(Ipv4Address? from = null) =>
        Packets(17).Where(p => p[22] == 0x01 && p[23] == 0xF4
                && (from is null || Ipv4Address.Read(p.AsSpan(12)) == from))
            .Select(p => p[28..]).ToList();

    public static IsakmpSa Single(IkeService ike) => Assert.Single(ike.SecurityAssociations);

    private static GreTunnelInterface Tunnel(NetworkNode node, EthernetInterface wan,
        string address, Ipv4Address destination)
    {
        GreProtocol.For(node);
        var tunnel = node.AddInterface(new GreTunnelInterface(node, "Tunnel1"));
        tunnel.SetAddress(Ipv4Address.Parse(address), 24);
        tunnel.SetSource(wan);
        tunnel.Destination = destination;
        node.OnInterfaceChanged(tunnel);
        return tunnel;
    }

    private static IpsecService Configure(NetworkNode node, GreTunnelInterface tunnel,
        string key, IpsecEncapsulationMode mode)
    {
        var ipsec = IpsecService.For(node);
        ipsec.Ike.Policies[1] = new IsakmpPolicy(1)
        {
            Encryption = IkeEncryptionAlgorithm.TripleDesCbc,
            Hash = IkeHashAlgorithm.Md5,
            Authentication = IkeAuthenticationMethod.PreSharedKey,
            Group = 2,
        };
        ipsec.Ike.PreSharedKeys.Add(new IsakmpPreSharedKey(key, Ipv4Address.Any, null));
        Assert.True(IpsecTransformSet.TryParse("TS", ["esp-3des", "esp-md5-hmac"],
            out var transformSet, out _));
        transformSet!.Mode = mode;
        ipsec.TransformSets["TS"] = transformSet;
        var profile = new IpsecProfile("PROTECT-GRE") { LifetimeSeconds = 86400 };
        profile.TransformSetNames.Add("TS");
        ipsec.Profiles[profile.Name] = profile;
        ipsec.Protect(tunnel, profile.Name);
        return ipsec;
    }
}

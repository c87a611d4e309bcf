using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Protocols.Tests.Nhrp;

/// <summary>
/// One node with a keyed mGRE tunnel whose NHRP packets are caught on their way out by a
/// stand-in protector, so that tests see the exact bytes IOS would put on the wire and
/// feed replies back by hand. Addresses are those of NHRP_registration.pcap.
/// </summary>
internal sealed class NhrpHarness : ITunnelProtector
{
    public static readonly Ipv4Address SpokeNbma = Ipv4Address.Parse("169.254.100.1");
    public static readonly Ipv4Address SpokeTunnel = Ipv4Address.Parse("155.1.0.1");
    public static readonly Ipv4Address HubNbma = Ipv4Address.Parse("169.254.100.5");
    public static readonly Ipv4Address HubTunnel = Ipv4Address.Parse("155.1.0.5");

    public NhrpHarness(Ipv4Address nbma, Ipv4Address tunnelAddress, uint? key = 2,
        Scheduler? scheduler = null)
    {
        Scheduler = scheduler ?? new Scheduler(1);
        Node = new NetworkNode("R", Scheduler, new PacketBufferPool(), 1);
        var wan = Node.AddInterface(new LoopbackInterface(Node, "Loopback0"));
        wan.SetAddress(nbma, 24);
        Tunnel = Node.AddInterface(new GreTunnelInterface(Node, "Tunnel1"));
        Tunnel.SetAddress(tunnelAddress, 24);
        Tunnel.SetSource(wan);
        Tunnel.Mode = TunnelMode.GreMultipoint;
        Tunnel.Key = key;
        Tunnel.Protector = this;
        Nhrp = NhrpProtocol.For(Node).Attach(Tunnel);
        Nhrp.Config.NetworkId = 1;
    }

    public Scheduler Scheduler { get; }

    public NetworkNode Node { get; }

    public GreTunnelInterface Tunnel { get; }

    public NhrpInterface Nhrp { get; }

    /// <summary>Outer packets sent (IPv4 + GRE + NHRP), with their virtual send time.</summary>
    public List<(TimeSpan At, byte[] Packet, Ipv4Address Nbma)> Sent { get; } = new();

    /// <summary>How many of the next packets to drop, as IPsec does while it negotiates.</summary>
    public int DropNext { get; set; }

    /// <summary>Another node whose NHRP receives what this one sends, 1 ms later.</summary>
    public NhrpHarness? Peer { get; set; }

    public static NhrpHarness Spoke(Scheduler? scheduler = null)
    {
        var spoke = new NhrpHarness(SpokeNbma, SpokeTunnel, scheduler: scheduler);
        spoke.Nhrp.Config.Authentication = "NHRPAUTH"u8.ToArray();
        spoke.Nhrp.AddStaticMapping(HubTunnel, HubNbma);
        return spoke;
    }

    public static NhrpHarness Hub(Scheduler? scheduler = null)
    {
        var hub = new NhrpHarness(HubNbma, HubTunnel, scheduler: scheduler);
        hub.Nhrp.Config.Authentication = "NHRPAUTH"u8.ToArray();
        hub.Nhrp.SetMulticastDynamic(true);
        return hub;
    }

    /// <summary>The NHRP part of the <paramref name="index"/>th sent packet.</summary>
    public byte[] SentNhrp(int index) =>
        Sent[index].Packet[(20 + Tunnel.HeaderLength)..];

    public bool TryProtect(TunnelInterface tunnel, PacketBuffer buffer, int offset, int length,
        Ipv4Address nbmaDestination)
    {
        if (DropNext > 0)
        {
            DropNext--;
            return false;
        }

        var packet = buffer.Bytes.AsSpan(offset, length).ToArray();
        Sent.Add((Scheduler.Now, packet, nbmaDestination));
        if (Peer is { } peer)
        {
            var source = Tunnel.SourceAddress;
            var nhrp = packet[(20 + Tunnel.HeaderLength)..];
            Scheduler.Schedule(TimeSpan.FromMilliseconds(1), () => peer.Nhrp.Receive(source, nhrp));
        }

        return true;
    }

    /// <summary>NHRP of frame <paramref name="number"/> of NHRP_registration.pcap.</summary>
    public static byte[] CapturedRegistration(int number)
    {
        var frame = PcapReader.ReadAll(RefDataPath("NHRP_registration.pcap"))[number - 1].Data;

        // Ethernet with 802.1Q (18), IPv4 without options (20), GRE with a key (8).
        Assert.Equal(0x81, frame[12]);
        Assert.Equal(0x45, frame[18]);
        return frame[46..];
    }

    private static string RefDataPath(string file) =>
        Ipsec.RefData.Path("pcaps", "tcpdump", file);
}

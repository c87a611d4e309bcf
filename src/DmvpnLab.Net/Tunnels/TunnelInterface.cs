using DmvpnLab.Net.Interfaces;
using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tunnels;

/// <summary>
/// A tunnel interface: what Net knows of it is its source, its mode and the hooks
/// other protocols fill in (the next-hop resolver, the protector). How packets are
/// encapsulated belongs to the subclass (GRE).
/// </summary>
public abstract class TunnelInterface : NetworkInterface
{
    /// <summary>IOS's default tunnel bandwidth and delay (IOS 15.x).</summary>
    public const int IosDefaultBandwidthKilobits = 100;
    public const int IosDefaultDelayMicroseconds = 50_000;

    protected TunnelInterface(NetworkNode node, string name) : base(node, name)
    {
        node.InterfaceChanged += OnNodeInterfaceChanged;
    }

    public NetworkInterface? SourceInterface { get; private set; }

    public Ipv4Address? Destination { get; set; }

    public TunnelMode Mode { get; set; } = TunnelMode.GreIp;

    public ITunnelNextHopResolver? Resolver { get; set; }

    public ITunnelProtector? Protector { get; set; }

    /// <summary>The name of the IPsec profile, for show commands.</summary>
    public string? ProtectionProfileName { get; set; }

    public Ipv4Address SourceAddress => SourceInterface?.Address ?? default;

    public override bool LineProtocolUp => SourceInterface is { IsUp: true, HasAddress: true } &&
        (Mode == TunnelMode.GreMultipoint || Destination is not null);

    public override int DefaultBandwidthKilobits => IosDefaultBandwidthKilobits;

    public override int DefaultDelayMicroseconds => IosDefaultDelayMicroseconds;

    public long TransmitDropsNoNextHop { get; protected set; }

    public void SetSource(NetworkInterface? source)
    {
        SourceInterface = source;
        RaiseStateChanged();
    }

    private void OnNodeInterfaceChanged(NetworkInterface changed)
    {
        if (changed == SourceInterface)
            RaiseStateChanged();
    }

    /// <summary>
    /// Encapsulates a payload for one NBMA destination and sends it. The payload sits at
    /// <paramref name="offset"/> in <paramref name="buffer"/> with headroom before it.
    /// </summary>
    public abstract void SendEncapsulated(PacketBuffer buffer, int offset, int length,
        ushort protocolType, Ipv4Address nbmaDestination, byte typeOfService);
}

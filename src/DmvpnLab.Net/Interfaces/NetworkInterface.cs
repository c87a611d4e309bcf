using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Interfaces;

/// <summary>
/// What every interface of a node has: a name, an IPv4 address, the metrics IOS
/// keeps for it (bandwidth, delay, MTU) and counters. Subclasses decide how an IPv4
/// packet leaves: onto an Ethernet link, or into a tunnel.
/// </summary>
public abstract class NetworkInterface
{
    protected NetworkInterface(NetworkNode node, string name)
    {
        Node = node;
        Name = name;
    }

    public NetworkNode Node { get; }

    /// <summary>The full IOS name, e.g. <c>GigabitEthernet0/0</c> or <c>Tunnel1</c>.</summary>
    public string Name { get; }

    /// <summary>The short IOS name used in tables, e.g. <c>Gi0/0</c> or <c>Tu1</c>.</summary>
    public string ShortName => InterfaceShortNames.Shorten(Name);

    /// <summary>IOS's ifIndex-like number, in creation order.</summary>
    public int Index { get; internal set; }

    public string? Description { get; set; }

    public Ipv4Address Address { get; private set; }

    public int PrefixLength { get; private set; }

    public bool HasAddress { get; private set; }

    public Ipv4Address Network => Address.Network(PrefixLength);

    public Ipv4Address Mask => Ipv4Address.PrefixLengthToMask(PrefixLength);

    /// <summary>`shutdown` clears it. Routers' Ethernet ports start shut, IOS style.</summary>
    public bool AdminUp { get; private set; } = true;

    public abstract bool LineProtocolUp { get; }

    public bool IsUp => AdminUp && LineProtocolUp;

    /// <summary>The hardware MTU shown by `show interfaces` (MTU n bytes).</summary>
    public abstract int Mtu { get; }

    /// <summary>`ip mtu`; null means the hardware MTU.</summary>
    public int? ConfiguredIpMtu { get; set; }

    public int IpMtu => ConfiguredIpMtu ?? Mtu;

    public abstract int DefaultBandwidthKilobits { get; }

    public abstract int DefaultDelayMicroseconds { get; }

    public int? ConfiguredBandwidthKilobits { get; set; }

    /// <summary>`delay` is given in tens of microseconds; we keep microseconds.</summary>
    public int? ConfiguredDelayMicroseconds { get; set; }

    public int BandwidthKilobits => ConfiguredBandwidthKilobits ?? DefaultBandwidthKilobits;

    public int DelayMicroseconds => ConfiguredDelayMicroseconds ?? DefaultDelayMicroseconds;

    public int LoadIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// `ip redirects`, on by default in IOS. DmvpnLab never sends ICMP redirects, so
    /// only the configuration is kept (`no ip redirects` is what DMVPN designs set).
    /// </summary>
    public bool IpRedirects { get; set; } = true;

    /// <summary>
    /// `ip tcp adjust-mss`: kept and shown; the emulator carries no TCP, so there is no
    /// SYN whose MSS it could clamp.
    /// </summary>
    public int? TcpAdjustMss { get; set; }

    public InterfaceCounters Counters { get; } = new();

    /// <summary>Virtual time of the last up/down change, for `show interfaces`.</summary>
    public long LastStateChangeNanoseconds { get; protected set; }

    public event Action<NetworkInterface>? StateChanged;

    public void SetAddress(Ipv4Address address, int prefixLength)
    {
        Address = address;
        PrefixLength = prefixLength;
        HasAddress = true;
        Node.OnInterfaceChanged(this);
    }

    public void ClearAddress()
    {
        HasAddress = false;
        Address = default;
        PrefixLength = 0;
        Node.OnInterfaceChanged(this);
    }

    public void SetAdminUp(bool up)
    {
        if (AdminUp == up)
            return;

        AdminUp = up;
        RaiseStateChanged();
    }

    protected void RaiseStateChanged()
    {
        LastStateChangeNanoseconds = Node.Scheduler.NowNanoseconds;
        Node.OnInterfaceChanged(this);
        StateChanged?.Invoke(this);
    }

    /// <summary>
    /// Sends an IPv4 packet that sits in <paramref name="buffer"/> at
    /// <paramref name="offset"/>, with free headroom before it for the headers this
    /// interface adds. <paramref name="nextHop"/> is the neighbour to hand it to.
    /// </summary>
    public abstract void TransmitIpv4(PacketBuffer buffer, int offset, int length,
        Ipv4Address nextHop);

    /// <summary>`Hardware is …` in `show interfaces`.</summary>
    public abstract string HardwareDescription { get; }

    /// <summary>
    /// The lines of `show interfaces` from `Encapsulation …` up to `Last input`, which
    /// differ per interface type.
    /// </summary>
    public abstract void WriteEncapsulationDetails(TextWriter output);

    public override string ToString() => Name;
}

using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net;

/// <summary>
/// A router or host: its interfaces, IPv4 stack, RIB and FIB. Protocols attach
/// themselves as features (<see cref="GetFeature{T}"/>) and hook the stack; the node
/// itself knows none of them.
/// </summary>
public class NetworkNode
{
    /// <summary>Free bytes kept in front of every packet for the headers added on the way out.</summary>
    public const int Headroom = 256;

    private readonly List<NetworkInterface> interfaces = new();
    private readonly Dictionary<string, NetworkInterface> interfacesByName =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Type, object> features = new();
    private readonly Dictionary<Ipv4Address, NetworkInterface> localAddresses = new();

    public NetworkNode(string name, Scheduler scheduler, PacketBufferPool pool, int nodeNumber)
    {
        Name = name;
        Hostname = name;
        Scheduler = scheduler;
        Pool = pool;
        NodeNumber = nodeNumber;
        Drops = new DropCounters();
        Rib = new Rib();
        Fib = new Fib(this);
        Rib.Changed += Fib.MarkStale;
        Ipv4 = new Ipv4Stack(this);
        Udp = new UdpService(this);
        Ipv4.Register(IpProtocol.Udp, Udp);
        Log = new NodeLog(scheduler);
    }

    public string Name { get; }

    /// <summary>`hostname`; the prompt and the logs use it.</summary>
    public string Hostname { get; set; }

    /// <summary>The node's position in the lab, used to derive MAC addresses.</summary>
    public int NodeNumber { get; }

    public Scheduler Scheduler { get; }

    public PacketBufferPool Pool { get; }

    public DropCounters Drops { get; }

    public Rib Rib { get; }

    public Fib Fib { get; }

    public Ipv4Stack Ipv4 { get; }

    public UdpService Udp { get; }

    /// <summary>Debug and syslog output, stamped with IOS-style virtual-clock timestamps.</summary>
    public NodeLog Log { get; }

    /// <summary>Virtual time at which the node booted (for `show version` uptime etc.).</summary>
    public long BootedAtNanoseconds { get; set; }

    public IReadOnlyList<NetworkInterface> Interfaces => interfaces;

    /// <summary>
    /// Creates interfaces that configuration brings into being by naming them, such as
    /// `interface Tunnel1`; protocols that own such interfaces set it (GRE).
    /// </summary>
    public Func<NetworkNode, string, NetworkInterface?>? VirtualInterfaceFactory { get; set; }

    /// <summary>
    /// What each layer writes into `show running-config`: Net adds the hostname and the
    /// interfaces, and each protocol its own lines and blocks.
    /// </summary>
    public List<Action<RunningConfigBuilder>> RunningConfigWriters { get; } = new();

    /// <summary>What each protocol reports about convergence (`wait converged`).</summary>
    public List<Func<bool>> ConvergenceChecks { get; } = new();

    public bool IsConverged
    {
        get
        {
            foreach (var check in ConvergenceChecks)
            {
                if (!check())
                    return false;
            }

            return true;
        }
    }

    public event Action<NetworkInterface>? InterfaceChanged;

    public T AddInterface<T>(T networkInterface) where T : NetworkInterface
    {
        networkInterface.Index = interfaces.Count + 1;
        interfaces.Add(networkInterface);
        interfacesByName[networkInterface.Name] = networkInterface;
        OnInterfaceChanged(networkInterface);
        return networkInterface;
    }

    public NetworkInterface? FindInterface(string fullName) =>
        interfacesByName.GetValueOrDefault(fullName);

    /// <summary>A MAC in the style of IOL images: aabb.ccNN.NNII for node N, interface I.</summary>
    public MacAddress NewMacAddress(int interfaceNumber) =>
        new(0xAABB_CC00_0000UL | ((ulong)(uint)(NodeNumber & 0xFFFF) << 8) |
            (uint)(interfaceNumber & 0xFF));

    public void SetFeature<T>(T feature) where T : class => features[typeof(T)] = feature;

    public T? GetFeature<T>() where T : class => features.GetValueOrDefault(typeof(T)) as T;

    public bool IsLocalAddress(Ipv4Address address) => localAddresses.ContainsKey(address);

    /// <summary>
    /// Keeps connected and local routes in step with an interface's address and
    /// state, as IOS installs `C` and `L` entries.
    /// </summary>
    public void OnInterfaceChanged(NetworkInterface networkInterface)
    {
        Rib.RemoveAll(r => r.Interface == networkInterface &&
            r.Source is RouteSource.Connected or RouteSource.Local);
        RebuildLocalAddresses();
        if (networkInterface.HasAddress && networkInterface.IsUp)
        {
            long now = Scheduler.NowNanoseconds;
            var network = new Prefix(networkInterface.Address, networkInterface.PrefixLength);
            Rib.Add(new Route(network, RouteSource.Connected, 0, 0, null, networkInterface, now));
            if (networkInterface.PrefixLength < 32)
            {
                Rib.Add(new Route(new Prefix(networkInterface.Address, 32), RouteSource.Local,
                    0, 0, null, networkInterface, now));
            }
        }

        Fib.MarkStale();
        InterfaceChanged?.Invoke(networkInterface);
    }

    private void RebuildLocalAddresses()
    {
        localAddresses.Clear();
        foreach (var candidate in interfaces)
        {
            if (candidate.HasAddress)
                localAddresses[candidate.Address] = candidate;
        }
    }

    public override string ToString() => Name;
}

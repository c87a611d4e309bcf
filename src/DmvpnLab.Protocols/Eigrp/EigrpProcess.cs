using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// One `router eigrp N` (RFC 7868, classic metrics, as IOS 15 runs it): its configuration,
/// the interfaces it runs on, its neighbors, its topology table and DUAL. This file holds
/// configuration and interface activation; the partial files next to it hold Hellos and
/// neighbors, the reliable transport, and DUAL with the RIB and updates.
/// </summary>
public sealed partial class EigrpProcess
{
    private readonly EigrpProtocol protocol;
    private readonly List<EigrpNetworkStatement> networks = new();
    private readonly HashSet<string> passiveInterfaces = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<NetworkInterface, EigrpInterface> interfaces = new();
    private bool shutDown;

    internal EigrpProcess(EigrpProtocol protocol, int autonomousSystem)
    {
        this.protocol = protocol;
        AutonomousSystem = autonomousSystem;
        Node = protocol.Node;
    }

    public int AutonomousSystem { get; }

    public NetworkNode Node { get; }

    internal EigrpProtocol Protocol => protocol;

    public EigrpKValues KValues { get; } = EigrpKValues.Default;

    public IReadOnlyList<EigrpNetworkStatement> Networks => networks;

    public IReadOnlyCollection<string> PassiveInterfaces => passiveInterfaces;

    /// <summary>`auto-summary`. IOS 15 defaults to off; on, it is stored but not applied.</summary>
    public bool AutoSummary { get; set; }

    /// <summary>`eigrp router-id`.</summary>
    public Ipv4Address? ConfiguredRouterId { get; private set; }

    private Ipv4Address? chosenRouterId;

    /// <summary>
    /// The router id: configured, else (IOS) the highest loopback address, else the highest
    /// address of an up interface, chosen once and kept.
    /// </summary>
    public Ipv4Address RouterId
    {
        get
        {
            if (ConfiguredRouterId is { } configured)
                return configured;

            chosenRouterId ??= ChooseRouterId();
            return chosenRouterId ?? default;
        }
    }

    public IEnumerable<EigrpInterface> Interfaces => interfaces.Values;

    public EigrpInterface? FindInterface(NetworkInterface networkInterface) =>
        interfaces.GetValueOrDefault(networkInterface);

    public void AddNetwork(EigrpNetworkStatement statement)
    {
        if (!networks.Contains(statement))
            networks.Add(statement);

        RefreshInterfaces();
    }

    public void RemoveNetwork(EigrpNetworkStatement statement)
    {
        networks.Remove(statement);
        RefreshInterfaces();
    }

    public void SetPassive(string interfaceName, bool passive)
    {
        if (passive)
            passiveInterfaces.Add(interfaceName);
        else
            passiveInterfaces.Remove(interfaceName);

        foreach (var running in interfaces.Values.ToList())
        {
            if (string.Equals(running.NetworkInterface.Name, interfaceName,
                    StringComparison.OrdinalIgnoreCase))
                Deactivate(running, "interface passive", goodbye: passive);
        }

        RefreshInterfaces();
    }

    public void SetRouterId(Ipv4Address? routerId)
    {
        ConfiguredRouterId = routerId;
    }

    /// <summary>Whether a `network` statement covers the interface's address.</summary>
    public bool Covers(NetworkInterface networkInterface)
    {
        if (!networkInterface.HasAddress)
            return false;

        foreach (var statement in networks)
        {
            if (statement.Covers(networkInterface.Address))
                return true;
        }

        return false;
    }

    internal void OnInterfaceChanged(NetworkInterface changed)
    {
        if (!shutDown)
            RefreshInterface(changed);
    }

    /// <summary>Starts or stops the process on every interface as config and state say.</summary>
    public void RefreshInterfaces()
    {
        foreach (var networkInterface in Node.Interfaces)
            RefreshInterface(networkInterface);
    }

    private void RefreshInterface(NetworkInterface networkInterface)
    {
        bool wanted = networkInterface.IsUp && Covers(networkInterface);
        bool passive = passiveInterfaces.Contains(networkInterface.Name);
        interfaces.TryGetValue(networkInterface, out var running);
        if (running is not null)
        {
            var prefix = new Prefix(networkInterface.Address, networkInterface.PrefixLength);
            bool same = wanted && running.Passive == passive && running.ConnectedPrefix == prefix;
            if (same)
            {
                RefreshMetrics(running);
                return;
            }

            string reason = networkInterface.IsUp ? "address changed" : "interface down";
            bool goodbye = networkInterface.IsUp && !Covers(networkInterface);
            Deactivate(running, reason, goodbye);
        }

        if (wanted)
            Activate(networkInterface, passive);
    }

    private void Activate(NetworkInterface networkInterface, bool passive)
    {
        var settings = protocol.Settings(networkInterface, AutonomousSystem);
        var running = new EigrpInterface(networkInterface, settings, passive)
        {
            ConnectedPrefix = new Prefix(networkInterface.Address, networkInterface.PrefixLength),
            ActivatedAtNanoseconds = Node.Scheduler.NowNanoseconds,
        };
        interfaces[networkInterface] = running;
        chosenRouterId ??= ChooseRouterId();
        if (!passive)
        {
            Node.Ipv4.JoinGroup(networkInterface, EigrpSender.AllEigrpRouters);
            running.HelloTimer = new SimTimer(Node.Scheduler, () => OnHelloTimer(running));

            // IOS sends its first Hello as soon as the interface joins, then one per interval.
            running.HelloTimer.Start(TimeSpan.FromMilliseconds(Node.Scheduler.Random.Next(1, 50)));
        }

        AddConnected(running);
        RefreshSummaries();
        FlushChanges();
    }

    private void Deactivate(EigrpInterface running, string reason, bool goodbye)
    {
        if (goodbye && !running.Passive)
            SendGoodbye(running);

        foreach (var neighbor in running.Neighbors.ToList())
            RemoveNeighbor(neighbor, reason);

        running.HelloTimer?.Stop();
        Node.Ipv4.LeaveGroup(running.NetworkInterface, EigrpSender.AllEigrpRouters);
        interfaces.Remove(running.NetworkInterface);
        RemoveConnected(running);
        RefreshSummaries();
        FlushChanges();
    }

    /// <summary>`no router eigrp N`: goodbyes, neighbors dropped, routes withdrawn.</summary>
    internal void Shutdown()
    {
        foreach (var running in interfaces.Values.ToList())
            Deactivate(running, "interface down", goodbye: true);

        shutDown = true;
        Node.Rib.RemoveAll(route => IsOwnRoute(route) || IsOwnSummaryRoute(route));
    }

    private Ipv4Address? ChooseRouterId()
    {
        Ipv4Address? loopback = null;
        Ipv4Address? other = null;
        foreach (var candidate in Node.Interfaces)
        {
            if (!candidate.HasAddress || !candidate.IsUp)
                continue;

            if (candidate is LoopbackInterface)
            {
                if (loopback is null || candidate.Address.CompareTo(loopback.Value) > 0)
                    loopback = candidate.Address;
            }
            else if (other is null || candidate.Address.CompareTo(other.Value) > 0)
            {
                other = candidate.Address;
            }
        }

        return loopback ?? other;
    }

    /// <summary>
    /// Converged (`wait converged`) when no destination is active and every interface has
    /// settled: passive, or every neighbor on it is up with its startup exchange done
    /// (our table acknowledged, the peer's End-of-Table received) and nothing waiting for an
    /// acknowledgment, or no neighbor heard within one hold time of coming up (a stub LAN).
    /// A router cannot know sooner that no neighbor is coming, so neither does this check.
    /// </summary>
    public bool IsConverged()
    {
        if (activeCount != 0)
            return false;

        long now = Node.Scheduler.NowNanoseconds;
        foreach (var running in interfaces.Values)
        {
            if (!IsSettled(running, now))
                return false;
        }

        return true;
    }

    private static bool IsSettled(EigrpInterface running, long nowNanoseconds)
    {
        if (running.Passive)
            return true;

        if (running.NeighborsByAddress.Count == 0)
        {
            long quiet = nowNanoseconds - running.ActivatedAtNanoseconds;
            return quiet >= running.HoldTimeSeconds * 1_000_000_000L;
        }

        foreach (var neighbor in running.Neighbors)
        {
            if (neighbor.State != EigrpNeighborState.Up || neighbor.QueueCount != 0 ||
                !neighbor.EndOfTableReceived)
                return false;
        }

        return true;
    }
}

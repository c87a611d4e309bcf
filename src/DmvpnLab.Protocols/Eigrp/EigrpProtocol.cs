using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// IP protocol 88 on a node: checks each packet (header, checksum, TLV framing), hands it
/// to the `router eigrp` process of its autonomous system, and keeps the per-interface
/// EIGRP settings and the drop counters. Processes are created by configuration.
/// </summary>
public sealed class EigrpProtocol : IIpv4ProtocolHandler
{
    private readonly Dictionary<int, EigrpProcess> processes = new();
    private readonly Dictionary<(NetworkInterface, int), EigrpInterfaceSettings> settings =
        new();
    private readonly long[] drops = new long[Enum.GetValues<EigrpDropReason>().Length];

    private EigrpProtocol(NetworkNode node)
    {
        Node = node;
    }

    public NetworkNode Node { get; }

    public IEnumerable<EigrpProcess> Processes => processes.Values;

    public static EigrpProtocol For(NetworkNode node)
    {
        var existing = node.GetFeature<EigrpProtocol>();
        if (existing is not null)
            return existing;

        var protocol = new EigrpProtocol(node);
        node.SetFeature(protocol);
        node.Ipv4.Register(IpProtocol.Eigrp, protocol);
        node.InterfaceChanged += protocol.OnInterfaceChanged;
        node.ConvergenceChecks.Add(protocol.IsConverged);
        node.RunningConfigWriters.Add(builder => EigrpRunningConfig.Write(protocol, builder));
        return protocol;
    }

    public long Drops(EigrpDropReason reason) => drops[(int)reason];

    internal void CountDrop(EigrpDropReason reason) => drops[(int)reason]++;

    public EigrpProcess? Find(int autonomousSystem) =>
        processes.GetValueOrDefault(autonomousSystem);

    public EigrpProcess GetOrCreate(int autonomousSystem)
    {
        if (processes.TryGetValue(autonomousSystem, out var process))
            return process;

        process = new EigrpProcess(this, autonomousSystem);
        processes[autonomousSystem] = process;
        return process;
    }

    /// <summary>`no router eigrp N`: goodbyes to the neighbors, routes withdrawn.</summary>
    public void Remove(int autonomousSystem)
    {
        if (processes.Remove(autonomousSystem, out var process))
            process.Shutdown();
    }

    public EigrpInterfaceSettings Settings(NetworkInterface networkInterface,
        int autonomousSystem)
    {
        if (!settings.TryGetValue((networkInterface, autonomousSystem), out var found))
        {
            found = new EigrpInterfaceSettings();
            settings[(networkInterface, autonomousSystem)] = found;
        }

        return found;
    }

    /// <summary>Every interface's EIGRP settings, for the running config.</summary>
    internal IEnumerable<(NetworkInterface Interface, int AutonomousSystem,
        EigrpInterfaceSettings Settings)> AllSettings
    {
        get
        {
            foreach (var ((networkInterface, asn), found) in settings)
                yield return (networkInterface, asn, found);
        }
    }

    public void OnReceive(NetworkInterface ingress, Ipv4PacketView packet)
    {
        var payload = packet.Payload;
        if (!EigrpPacketView.TryCreate(payload, out var view, out var error))
        {
            CountDrop(error == WireError.BadChecksum
                ? EigrpDropReason.BadChecksum
                : EigrpDropReason.Malformed);
            return;
        }

        if (view.VirtualRouterId != 0 || Find(view.AutonomousSystem) is not { } process)
        {
            CountDrop(EigrpDropReason.WrongAutonomousSystem);
            return;
        }

        if (!EigrpPacket.TryParse(payload, out var parsed, out _))
        {
            CountDrop(EigrpDropReason.Malformed);
            return;
        }

        process.Receive(ingress, packet.Source, packet.Destination, parsed!);
    }

    private void OnInterfaceChanged(NetworkInterface changed)
    {
        foreach (var process in processes.Values)
            process.OnInterfaceChanged(changed);
    }

    private bool IsConverged()
    {
        foreach (var process in processes.Values)
        {
            if (!process.IsConverged())
                return false;
        }

        return true;
    }
}

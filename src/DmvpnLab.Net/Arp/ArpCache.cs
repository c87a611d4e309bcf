using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Arp;

/// <summary>
/// IPv4-to-MAC bindings learned on one Ethernet interface (RFC 826), with the packets
/// waiting for a binding. IOS drops the packet that triggers an ARP request; we hold
/// up to a few per neighbour instead, like Linux, so a first ping is not lost to ARP.
/// </summary>
public sealed class ArpCache
{
    public const int MaximumQueuedPerNeighbour = 3;

    private readonly Dictionary<Ipv4Address, ArpEntry> entries = new();

    public IReadOnlyDictionary<Ipv4Address, ArpEntry> Entries => entries;

    public bool TryGet(Ipv4Address address, out MacAddress mac)
    {
        if (entries.TryGetValue(address, out var entry) && entry.IsComplete)
        {
            mac = entry.Mac;
            return true;
        }

        mac = default;
        return false;
    }

    /// <summary>Records a binding and returns the packets that were waiting for it.</summary>
    public List<(PacketBuffer Buffer, int Offset, int Length)>? Learn(Ipv4Address address,
        MacAddress mac, long nowNanoseconds)
    {
        if (!entries.TryGetValue(address, out var entry))
        {
            entry = new ArpEntry(address);
            entries[address] = entry;
        }

        entry.Mac = mac;
        entry.IsComplete = true;
        entry.LearnedAtNanoseconds = nowNanoseconds;
        var waiting = entry.Waiting;
        entry.Waiting = null;
        return waiting;
    }

    /// <summary>
    /// Queues a packet for an unresolved neighbour. Returns true when this is the
    /// first packet waiting, i.e. when the caller should send an ARP request.
    /// </summary>
    public bool Enqueue(Ipv4Address address, PacketBuffer buffer, int offset, int length,
        out bool dropped)
    {
        if (!entries.TryGetValue(address, out var entry))
        {
            entry = new ArpEntry(address);
            entries[address] = entry;
        }

        entry.Waiting ??= new List<(PacketBuffer, int, int)>(MaximumQueuedPerNeighbour);
        dropped = entry.Waiting.Count >= MaximumQueuedPerNeighbour;
        if (!dropped)
            entry.Waiting.Add((buffer, offset, length));

        return entry.Waiting.Count == 1 && !dropped;
    }

    public void Clear() => entries.Clear();
}

public sealed class ArpEntry(Ipv4Address address)
{
    public Ipv4Address Address { get; } = address;

    public MacAddress Mac { get; set; }

    public bool IsComplete { get; set; }

    public long LearnedAtNanoseconds { get; set; }

    internal List<(PacketBuffer Buffer, int Offset, int Length)>? Waiting { get; set; }
}

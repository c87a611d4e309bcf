using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>
/// The forwarding table CEF would build from the RIB: every route resolved to an
/// interface and a next hop. Lookup walks one hash table per prefix length in use,
/// longest first, so its cost depends on how many lengths exist, not on how many
/// routes: a hub with ten thousand /24s and a default route checks two tables.
/// </summary>
public sealed class Fib
{
    private const int MaximumRecursion = 8;

    private readonly Dictionary<Ipv4Address, FibEntry>?[] byLength =
        new Dictionary<Ipv4Address, FibEntry>?[33];
    private readonly List<int> lengthsInUse = new();
    private readonly NetworkNode node;
    private bool stale = true;

    public Fib(NetworkNode node)
    {
        this.node = node;
    }

    public int EntryCount { get; private set; }

    public void MarkStale() => stale = true;

    public FibEntry? Lookup(Ipv4Address destination)
    {
        if (stale)
            Rebuild();

        foreach (int length in lengthsInUse)
        {
            var table = byLength[length]!;
            if (table.TryGetValue(destination.Network(length), out var entry))
                return entry;
        }

        return null;
    }

    public IEnumerable<FibEntry> Entries()
    {
        if (stale)
            Rebuild();

        foreach (int length in lengthsInUse)
        {
            foreach (var entry in byLength[length]!.Values)
                yield return entry;
        }
    }

    private void Rebuild()
    {
        stale = false;
        Array.Clear(byLength);
        lengthsInUse.Clear();
        EntryCount = 0;
        foreach (var (prefix, routes) in node.Rib.InstalledRoutes())
        {
            var route = routes[0];
            var entry = Resolve(route, 0);
            if (entry is null)
                continue;

            // The override replaces the next hop here, once per rebuild, so a packet's
            // lookup stays one probe per prefix length.
            if (entry.Kind == FibEntryKind.Forward &&
                node.Rib.NextHopOverrides.For(prefix, entry.Interface) is { } nho)
                entry = entry with { NextHop = nho.NextHop };

            Insert(entry);
        }

        lengthsInUse.Sort((a, b) => b.CompareTo(a));
    }

    private void Insert(FibEntry entry)
    {
        var table = byLength[entry.Prefix.Length];
        if (table is null)
        {
            table = new Dictionary<Ipv4Address, FibEntry>();
            byLength[entry.Prefix.Length] = table;
            lengthsInUse.Add(entry.Prefix.Length);
        }

        table[entry.Prefix.Network] = entry;
        EntryCount++;
    }

    private FibEntry? Resolve(Route route, int depth)
    {
        if (route.Source == RouteSource.Local)
            return new FibEntry(route.Prefix, FibEntryKind.Receive, route.Interface, default, route);

        if (route.IsSummary)
            return new FibEntry(route.Prefix, FibEntryKind.Discard, null, default, route);

        if (route.NextHop is null)
        {
            return route.Interface is { IsUp: true }
                ? new FibEntry(route.Prefix, FibEntryKind.Attached, route.Interface, default, route)
                : null;
        }

        var nextHop = route.NextHop.Value;
        if (route.Interface is not null)
        {
            return route.Interface.IsUp
                ? new FibEntry(route.Prefix, FibEntryKind.Forward, route.Interface, nextHop, route)
                : null;
        }

        // Recursive: find how the next hop itself is reached (RFC 1812 5.2.4.3 style).
        return depth < MaximumRecursion ? ResolveNextHop(route, nextHop, depth) : null;
    }

    /// <summary>
    /// Resolves a recursive next hop through the longest RIB route that itself resolves
    /// and is not the route being resolved: a host route that cannot be resolved (say
    /// `ip route 10.1.1.2 255.255.255.255 10.1.1.2`) must not hide the connected subnet.
    /// </summary>
    private FibEntry? ResolveNextHop(Route route, Ipv4Address nextHop, int depth)
    {
        for (int length = 32; length >= 0; length--)
        {
            var cover = new Prefix(nextHop, length);
            if (cover == route.Prefix)
                continue;

            var routes = node.Rib.Best(cover);
            if (routes.Count == 0)
                continue;

            var resolved = Resolve(routes[0], depth + 1);
            if (resolved is null || resolved.Kind is FibEntryKind.Receive or FibEntryKind.Discard)
                continue;

            var hop = resolved.Kind == FibEntryKind.Attached ? nextHop : resolved.NextHop;
            return new FibEntry(route.Prefix, FibEntryKind.Forward, resolved.Interface, hop, route);
        }

        return null;
    }

    /// <summary>The interface a packet to this address would leave by, if any.</summary>
    public NetworkInterface? EgressFor(Ipv4Address destination) => Lookup(destination)?.Interface;
}

using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>
/// The routing information base: every source's candidate routes per prefix, and the
/// best of them by administrative distance, then metric. A change marks the FIB
/// stale; it is rebuilt once before the next lookup, so loading ten thousand static
/// routes costs one rebuild, not ten thousand.
/// </summary>
public sealed class Rib
{
    private readonly Dictionary<Prefix, List<Route>> candidates = new();

    public Rib()
    {
        NextHopOverrides = new NextHopOverrideTable(OnChanged);
    }

    public event Action? Changed;

    /// <summary>Next hops a protocol puts in place of a route's own (IOS's `%`).</summary>
    public NextHopOverrideTable NextHopOverrides { get; }

    public int Version { get; private set; }

    public void Add(Route route)
    {
        if (!candidates.TryGetValue(route.Prefix, out var list))
        {
            list = new List<Route>(1);
            candidates[route.Prefix] = list;
        }

        list.RemoveAll(r => r.Source == route.Source && r.NextHop == route.NextHop &&
            r.Interface == route.Interface);
        list.Add(route);
        OnChanged();
    }

    /// <summary>Removes one source's routes for a prefix that match the predicate.</summary>
    public void Remove(Prefix prefix, Predicate<Route> match)
    {
        if (!candidates.TryGetValue(prefix, out var list))
            return;

        if (list.RemoveAll(match) == 0)
            return;

        if (list.Count == 0)
            candidates.Remove(prefix);

        OnChanged();
    }

    /// <summary>Removes every route the predicate matches, whatever the prefix.</summary>
    public void RemoveAll(Predicate<Route> match)
    {
        bool any = false;
        foreach (var (prefix, list) in candidates.ToList())
        {
            if (list.RemoveAll(match) == 0)
                continue;

            any = true;
            if (list.Count == 0)
                candidates.Remove(prefix);
        }

        if (any)
            OnChanged();
    }

    /// <summary>The best routes for a prefix: all those sharing the lowest distance and metric.</summary>
    public IReadOnlyList<Route> Best(Prefix prefix)
    {
        if (!candidates.TryGetValue(prefix, out var list) || list.Count == 0)
            return [];

        if (list.Count == 1)
            return list;

        var best = list[0];
        foreach (var route in list)
        {
            if (route.Distance < best.Distance ||
                (route.Distance == best.Distance && route.Metric < best.Metric))
                best = route;
        }

        return list.FindAll(r => r.Distance == best.Distance && r.Metric == best.Metric);
    }

    public IEnumerable<Prefix> Prefixes => candidates.Keys;

    /// <summary>Every candidate of one source, installed or not, in address order.</summary>
    public IEnumerable<(Prefix Prefix, IReadOnlyList<Route> Routes)> AllRoutes(RouteSource source)
    {
        foreach (var prefix in candidates.Keys.OrderBy(p => p.Network).ThenBy(p => p.Length))
        {
            var routes = candidates[prefix].FindAll(r => r.Source == source);
            if (routes.Count > 0)
                yield return (prefix, routes);
        }
    }

    /// <summary>The installed routes of every prefix, ordered as `show ip route` lists them.</summary>
    public IEnumerable<(Prefix Prefix, IReadOnlyList<Route> Routes)> InstalledRoutes()
    {
        foreach (var prefix in candidates.Keys.OrderBy(p => p.Network).ThenBy(p => p.Length))
        {
            var best = Best(prefix);
            if (best.Count > 0)
                yield return (prefix, best);
        }
    }

    /// <summary>Longest match among installed routes, as `show ip route A.B.C.D` does.</summary>
    public (Prefix Prefix, IReadOnlyList<Route> Routes)? LongestMatch(Ipv4Address address,
        bool allowDefault = true)
    {
        for (int length = 32; length >= (allowDefault ? 0 : 1); length--)
        {
            var prefix = new Prefix(address, length);
            var best = Best(prefix);
            if (best.Count > 0)
                return (prefix, best);
        }

        return null;
    }

    private void OnChanged()
    {
        Version++;
        Changed?.Invoke();
    }
}

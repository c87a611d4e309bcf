using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// The NHRP cache of one tunnel. Host (/32) entries sit in a dictionary keyed by address,
/// so the per-packet next-hop lookup costs the same for ten spokes or ten thousand;
/// network entries (DMVPN phase 3 shortcuts) are few and kept apart.
/// </summary>
public sealed class NhrpCache
{
    private readonly Dictionary<Ipv4Address, NhrpCacheEntry> hosts = new();
    private readonly Dictionary<Prefix, NhrpCacheEntry> networks = new();

    public int Count => hosts.Count + networks.Count;

    /// <summary>The entry for exactly <paramref name="prefix"/>, if any.</summary>
    public NhrpCacheEntry? Find(Prefix prefix)
    {
        if (prefix.Length == 32)
            return hosts.GetValueOrDefault(prefix.Network);

        return networks.GetValueOrDefault(prefix);
    }

    /// <summary>The /32 entry for <paramref name="address"/>; allocation-free.</summary>
    public bool TryGetHost(Ipv4Address address, out NhrpCacheEntry entry) =>
        hosts.TryGetValue(address, out entry!);

    /// <summary>Adds an entry, replacing any for the same prefix.</summary>
    public void Set(NhrpCacheEntry entry)
    {
        if (entry.Prefix.Length == 32)
            hosts[entry.Prefix.Network] = entry;
        else
            networks[entry.Prefix] = entry;
    }

    public bool Remove(NhrpCacheEntry entry)
    {
        var table = entry.Prefix.Length == 32 ? null : networks;
        if (table is null)
        {
            if (!hosts.TryGetValue(entry.Prefix.Network, out var found) || found != entry)
                return false;

            return hosts.Remove(entry.Prefix.Network);
        }

        if (!networks.TryGetValue(entry.Prefix, out var network) || network != entry)
            return false;

        return networks.Remove(entry.Prefix);
    }

    /// <summary>The entry of longest prefix covering <paramref name="address"/>.</summary>
    public NhrpCacheEntry? LongestMatch(Ipv4Address address)
    {
        if (hosts.TryGetValue(address, out var host))
            return host;

        NhrpCacheEntry? best = null;
        foreach (var entry in networks.Values)
        {
            if (entry.Prefix.Contains(address) &&
                (best is null || entry.Prefix.Length > best.Prefix.Length))
                best = entry;
        }

        return best;
    }

    /// <summary>Every entry, in address order as `show ip nhrp` lists them.</summary>
    public List<NhrpCacheEntry> Ordered()
    {
        var all = new List<NhrpCacheEntry>(Count);
        all.AddRange(hosts.Values);
        all.AddRange(networks.Values);
        all.Sort((a, b) =>
        {
            int byNetwork = a.Prefix.Network.CompareTo(b.Prefix.Network);
            return byNetwork != 0 ? byNetwork : a.Prefix.Length.CompareTo(b.Prefix.Length);
        });
        return all;
    }

    /// <summary>Removes and returns the entries that have expired by now.</summary>
    public List<NhrpCacheEntry> RemoveExpired(long nowNanoseconds)
    {
        var expired = new List<NhrpCacheEntry>();
        foreach (var entry in hosts.Values)
        {
            if (entry.IsExpired(nowNanoseconds))
                expired.Add(entry);
        }

        foreach (var entry in networks.Values)
        {
            if (entry.IsExpired(nowNanoseconds))
                expired.Add(entry);
        }

        foreach (var entry in expired)
            Remove(entry);

        return expired;
    }

    /// <summary>Removes entries matching <paramref name="match"/> and returns them.</summary>
    public List<NhrpCacheEntry> RemoveWhere(Predicate<NhrpCacheEntry> match)
    {
        var removed = new List<NhrpCacheEntry>();
        foreach (var entry in Ordered())
        {
            if (match(entry) && Remove(entry))
                removed.Add(entry);
        }

        return removed;
    }
}

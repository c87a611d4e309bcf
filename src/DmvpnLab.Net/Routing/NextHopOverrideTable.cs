using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Net.Routing;

/// <summary>
/// The next-hop overrides of a node, one per prefix, filled by a protocol (NHRP) and read
/// by the FIB when it resolves routes; the forwarding path never consults it, the FIB
/// entry already carries the overriding next hop. A change marks the FIB stale.
/// </summary>
public sealed class NextHopOverrideTable
{
    private readonly Dictionary<Prefix, NextHopOverride> overrides = new();
    private readonly Action onChanged;

    public NextHopOverrideTable(Action onChanged)
    {
        this.onChanged = onChanged;
    }

    public int Count => overrides.Count;

    public void Set(NextHopOverride nextHopOverride)
    {
        overrides[nextHopOverride.Prefix] = nextHopOverride;
        onChanged();
    }

    public void Remove(Prefix prefix, NetworkInterface networkInterface)
    {
        if (overrides.TryGetValue(prefix, out var existing) &&
            existing.Interface == networkInterface && overrides.Remove(prefix))
            onChanged();
    }

    public bool TryGet(Prefix prefix, out NextHopOverride nextHopOverride) =>
        overrides.TryGetValue(prefix, out nextHopOverride!);

    /// <summary>
    /// The override in force for a route: one for its prefix whose interface is the one
    /// the route resolved to.
    /// </summary>
    public NextHopOverride? For(Prefix prefix, NetworkInterface? egress) =>
        egress is not null && overrides.TryGetValue(prefix, out var found) &&
        found.Interface == egress
            ? found
            : null;
}

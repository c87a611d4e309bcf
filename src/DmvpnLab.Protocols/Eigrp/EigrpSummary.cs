using DmvpnLab.Net.Routing;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// One `ip summary-address eigrp N A.B.C.D M.M.M.M` of the process, wherever it is
/// configured: the topology destinations it covers (its components: reachable and more
/// specific), the best of them, whose vector and distance the summary takes (IOS's
/// classic rule), and whether its Null0 discard route is in the RIB.
/// </summary>
public sealed class EigrpSummary
{
    internal EigrpSummary(Prefix prefix)
    {
        Prefix = prefix;
    }

    public Prefix Prefix { get; }

    /// <summary>Reachable destinations strictly inside the summary.</summary>
    internal HashSet<Prefix> Components { get; } = new();

    public int ComponentCount => Components.Count;

    /// <summary>The component with the lowest distance, or null when none is left.</summary>
    internal Prefix? Best { get; set; }

    public bool IsActive => Components.Count > 0;

    /// <summary>The best component's distance: the summary's metric.</summary>
    public uint Distance { get; internal set; } = EigrpMetric.Infinity;

    /// <summary>The best component's vector, advertised for the summary.</summary>
    public EigrpClassicMetric Vector { get; internal set; }

    /// <summary>IOS's `serno` for `show ip eigrp topology all-links`.</summary>
    public ulong SerialNumber { get; internal set; }

    /// <summary>Strictly more specific than the summary and inside it.</summary>
    public bool Covers(Prefix candidate) =>
        candidate.Length > Prefix.Length && Prefix.Contains(candidate.Network);
}

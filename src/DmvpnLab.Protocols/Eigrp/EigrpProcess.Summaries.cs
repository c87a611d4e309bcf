using DmvpnLab.Net.Routing;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

// Interface summaries, `ip summary-address eigrp N A.B.C.D M.M.M.M` (RFC 7868 does not define
// summarisation; this is IOS's behaviour). On an interface with a summary, the summary is
// advertised instead of every destination strictly inside it; the summary carries the best
// component's vector (so its metric is the lowest component metric), it exists while one
// component is reachable, and the summarising router installs a discard route to Null0 at
// distance 5 so a packet for a missing component is dropped, not looped.
public sealed partial class EigrpProcess
{
    /// <summary>IOS's administrative distance for an EIGRP summary's Null0 route.</summary>
    public const byte SummaryDistance = 5;

    private readonly Dictionary<Prefix, EigrpSummary> summaries = new();
    private readonly List<Prefix> changedSummaries = new();

    public IEnumerable<EigrpSummary> Summaries => summaries.Values;

    public EigrpSummary? FindSummary(Prefix prefix) => summaries.GetValueOrDefault(prefix);

    /// <summary>
    /// An `ip summary-address eigrp` line was added or removed: the summaries are rebuilt
    /// and every destination is advertised afresh (components withdrawn or restored).
    /// </summary>
    internal void OnSummaryConfigurationChanged()
    {
        RefreshSummaries();
        Readvertise();
    }

    /// <summary>
    /// The summaries in force: those configured on an interface the process runs on (IOS
    /// drops a summary whose interface goes down or leaves the process).
    /// </summary>
    private void RefreshSummaries()
    {
        var wanted = new HashSet<Prefix>();
        foreach (var running in interfaces.Values)
        {
            foreach (var prefix in running.Settings.Summaries)
                wanted.Add(prefix);
        }

        bool any = false;
        foreach (var summary in summaries.Values.ToList())
        {
            if (wanted.Contains(summary.Prefix))
                continue;

            summaries.Remove(summary.Prefix);
            Node.Rib.Remove(summary.Prefix, IsOwnSummaryRoute);
            changedSummaries.Add(summary.Prefix);
            any = true;
        }

        foreach (var prefix in wanted)
        {
            if (summaries.ContainsKey(prefix))
                continue;

            var summary = new EigrpSummary(prefix);
            summaries[prefix] = summary;
            foreach (var entry in topology.Values)
            {
                if (entry.IsReachable && summary.Covers(entry.Prefix))
                    summary.Components.Add(entry.Prefix);
            }

            SetSummaryBest(summary, BestComponent(summary));
            any = true;
        }

        if (!any)
            return;

        foreach (var entry in topology.Values)
            changed.Add(entry);
    }

    /// <summary>Folds what DUAL just changed into the summaries covering it.</summary>
    private void UpdateSummaries()
    {
        if (summaries.Count == 0)
            return;

        foreach (var entry in changed)
        {
            foreach (var summary in summaries.Values)
            {
                if (summary.Covers(entry.Prefix))
                    OnComponentChanged(summary, entry.Prefix);
            }
        }
    }

    private void OnComponentChanged(EigrpSummary summary, Prefix prefix)
    {
        // By prefix: a destination pruned and learned again in one event has two entries.
        var current = topology.GetValueOrDefault(prefix);
        bool member = current is { IsReachable: true };
        if (member)
            summary.Components.Add(prefix);
        else
            summary.Components.Remove(prefix);

        if (summary.Best == prefix)
            SetSummaryBest(summary, BestComponent(summary));
        else if (member && ComponentDistance(prefix) < summary.Distance)
            SetSummaryBest(summary, prefix);
    }

    private uint ComponentDistance(Prefix prefix) => topology[prefix].Successors[0].Distance;

    /// <summary>The component with the lowest distance (the lower prefix on a tie).</summary>
    private Prefix? BestComponent(EigrpSummary summary)
    {
        Prefix? best = null;
        uint bestDistance = EigrpMetric.Infinity;
        foreach (var prefix in summary.Components)
        {
            uint distance = ComponentDistance(prefix);
            bool lower = best is { } other && (prefix.Network.CompareTo(other.Network) < 0 ||
                (prefix.Network == other.Network && prefix.Length < other.Length));
            if (best is null || distance < bestDistance || (distance == bestDistance && lower))
            {
                best = prefix;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Takes the best component's metric; on a change, re-advertises and reinstalls.
    /// </summary>
    private void SetSummaryBest(EigrpSummary summary, Prefix? best)
    {
        summary.Best = best;
        uint distance = EigrpMetric.Infinity;
        EigrpClassicMetric vector = default;
        if (best is { } prefix)
        {
            var path = topology[prefix].Successors[0];
            distance = path.Distance;
            vector = path.Vector;
        }

        if (distance == summary.Distance && vector == summary.Vector)
            return;

        bool wasActive = summary.Distance != EigrpMetric.Infinity;
        summary.Distance = distance;
        summary.Vector = vector;
        summary.SerialNumber = ++serialNumber;
        changedSummaries.Add(summary.Prefix);
        InstallSummaryRoute(summary, keepAge: wasActive);
    }

    private bool IsOwnSummaryRoute(Route route) =>
        route.IsSummary && route.Source == RouteSource.Eigrp &&
        route.ProcessId == AutonomousSystem;

    /// <summary>
    /// `D 10.0.0.0/8 is a summary, 00:00:12, Null0`, while a component is left.
    /// </summary>
    private void InstallSummaryRoute(EigrpSummary summary, bool keepAge)
    {
        long installedAt = Node.Scheduler.NowNanoseconds;
        if (keepAge)
        {
            foreach (var route in Node.Rib.Best(summary.Prefix))
            {
                if (IsOwnSummaryRoute(route))
                    installedAt = route.InstalledAtNanoseconds;
            }
        }

        Node.Rib.Remove(summary.Prefix, IsOwnSummaryRoute);
        if (!summary.IsActive)
            return;

        Node.Rib.Add(new Route(summary.Prefix, RouteSource.Eigrp, SummaryDistance,
            summary.Distance, null, null, installedAt)
        {
            ProcessId = AutonomousSystem,
            IsSummary = true,
            DescriptorDetails = DescriptorDetails(summary.Vector),
        });
    }

    /// <summary>
    /// What to advertise for a prefix on an interface; false while an active destination's
    /// last advertisement stands. A summary of the interface replaces its components.
    /// </summary>
    private bool TryAdvertisement(Prefix prefix, EigrpInterface running,
        out EigrpAdvertisement? desired)
    {
        desired = null;
        foreach (var configured in running.Settings.Summaries)
        {
            if (!summaries.TryGetValue(configured, out var summary) || !summary.IsActive)
                continue;

            if (configured == prefix)
            {
                desired = new EigrpAdvertisement(summary.Vector, default, null);
                return true;
            }

            if (summary.Covers(prefix))
                return true;
        }

        return !topology.TryGetValue(prefix, out var entry) ||
               TryDesired(entry, running, out desired);
    }

    /// <summary>The active summary for a prefix, or null.</summary>
    private EigrpSummary? ActiveSummary(Prefix prefix) =>
        summaries.TryGetValue(prefix, out var summary) && summary.IsActive ? summary : null;
}

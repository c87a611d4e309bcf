using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

// DUAL (RFC 7868 section 3) over the topology table, the RIB entries it yields, and the
// Updates, Queries and Replies it makes. A destination whose best path meets the
// feasibility condition stays passive (local computation); otherwise it goes active and
// queries every up neighbor, and returns to passive when all have replied (or gone).
//
// Not modelled: the multiple-computation rules for a query arriving while already active
// (an active destination answers at once with its current distance, which keeps two
// active routers from waiting on each other), SIA-Query/SIA-Reply (a destination active
// for 3 minutes resets the neighbors that did not answer, as IOS before SIA-Query did),
// variance and unequal-cost paths, route summarisation, stub routing and redistribution.
public sealed partial class EigrpProcess
{
    /// <summary>IOS's active timer: 3 minutes.</summary>
    public static readonly TimeSpan ActiveTime = TimeSpan.FromMinutes(3);

    private readonly Dictionary<Prefix, EigrpTopologyEntry> topology = new();
    private readonly HashSet<EigrpTopologyEntry> changed = new();
    private readonly List<EigrpTopologyEntry> newlyActive = new();
    private readonly Dictionary<EigrpNeighbor, List<EigrpTlv>> repliesToSend = new();
    private ulong serialNumber;
    private int activeCount;
    private bool flushing;

    public IEnumerable<EigrpTopologyEntry> Topology => topology.Values;

    public EigrpTopologyEntry? FindEntry(Prefix prefix) => topology.GetValueOrDefault(prefix);

    private EigrpTopologyEntry GetOrCreateEntry(Prefix prefix)
    {
        if (!topology.TryGetValue(prefix, out var entry))
        {
            entry = new EigrpTopologyEntry(prefix);
            topology[prefix] = entry;
        }

        return entry;
    }

    private void AddConnected(EigrpInterface running)
    {
        var vector = EigrpMetric.Connected(running.NetworkInterface);
        running.ConnectedVector = vector;
        var entry = GetOrCreateEntry(running.ConnectedPrefix);
        entry.Connected = new EigrpPath(null, running)
        {
            Reported = vector,
            Vector = vector,
            ReportedDistance = 0,
            Distance = EigrpMetric.Composite(vector, KValues),
        };
        Recompute(entry);
    }

    private void RemoveConnected(EigrpInterface running)
    {
        if (!topology.TryGetValue(running.ConnectedPrefix, out var entry) ||
            entry.Connected?.Interface != running)
            return;

        entry.Connected = null;
        Recompute(entry);
        Prune(entry);
    }

    /// <summary>
    /// `bandwidth`, `delay` or `ip mtu` changed: every path over the interface moves.
    /// </summary>
    private void RefreshMetrics(EigrpInterface running)
    {
        var vector = EigrpMetric.Connected(running.NetworkInterface);
        if (vector == running.ConnectedVector)
            return;

        running.ConnectedVector = vector;
        foreach (var entry in topology.Values.ToList())
        {
            bool affected = false;
            if (entry.Connected?.Interface == running)
            {
                entry.Connected.Reported = vector;
                entry.Connected.Vector = vector;
                entry.Connected.Distance = EigrpMetric.Composite(vector, KValues);
                affected = true;
            }

            foreach (var path in entry.NeighborPaths.Values)
            {
                if (path.Interface != running)
                    continue;

                SetPathMetric(path, path.Reported);
                affected = true;
            }

            if (affected)
                Recompute(entry);
        }

        FlushChanges();
    }

    private void SetPathMetric(EigrpPath path, EigrpClassicMetric reported)
    {
        path.Reported = reported;
        path.Vector = EigrpMetric.AddLink(reported, path.Interface.NetworkInterface);
        path.ReportedDistance = EigrpMetric.Composite(reported, KValues);
        path.Distance = path.Vector.HopCount > EigrpMetric.MaximumHops
            ? EigrpMetric.Infinity
            : EigrpMetric.Composite(path.Vector, KValues);
    }

    /// <summary>
    /// Records what a neighbor reported for a destination; null if nothing is kept.
    /// </summary>
    private EigrpTopologyEntry? ApplyReport(EigrpNeighbor neighbor, Prefix prefix,
        EigrpClassicMetric metric, Ipv4Address nextHop, EigrpExternalRouteTlv? external)
    {
        topology.TryGetValue(prefix, out var entry);
        if (metric.IsUnreachable)
        {
            if (entry is not null && entry.NeighborPaths.Remove(neighbor))
                neighbor.PrefixesReceived--;

            return entry;
        }

        entry ??= GetOrCreateEntry(prefix);
        if (!entry.NeighborPaths.TryGetValue(neighbor, out var path))
        {
            path = new EigrpPath(neighbor, neighbor.Interface);
            entry.NeighborPaths[neighbor] = path;
            neighbor.PrefixesReceived++;
        }

        // RFC 7868 6.7.5: a next hop on the receiving subnet is used as given (third-party
        // next hop, `no ip next-hop-self` on the sender); 0.0.0.0 means the sender itself.
        var running = neighbor.Interface;
        bool thirdParty = !nextHop.IsAny && running.ConnectedPrefix.Contains(nextHop) &&
                          nextHop != running.NetworkInterface.Address;
        path.NextHop = thirdParty ? nextHop : neighbor.Address;
        path.External = external;
        SetPathMetric(path, metric);
        return entry;
    }

    private static IEnumerable<(Prefix Prefix, EigrpClassicMetric Metric, Ipv4Address NextHop,
        EigrpExternalRouteTlv? External)> Routes(EigrpPacket packet)
    {
        foreach (var tlv in packet.Tlvs)
        {
            switch (tlv)
            {
                case EigrpInternalRouteTlv route:
                    yield return (new Prefix(route.Destination, route.PrefixLength), route.Metric,
                        route.NextHop, null);
                    break;
                case EigrpExternalRouteTlv route:
                    yield return (new Prefix(route.Destination, route.PrefixLength), route.Metric,
                        route.NextHop, route);
                    break;
            }
        }
    }

    private void OnUpdate(EigrpNeighbor neighbor, EigrpPacket packet)
    {
        foreach (var (prefix, metric, nextHop, external) in Routes(packet))
        {
            var entry = ApplyReport(neighbor, prefix, metric, nextHop, external);
            if (entry is null || entry.IsActive)
                continue;

            Recompute(entry);
            Prune(entry);
        }
    }

    /// <summary>RFC 7868 3.x: a query is answered at once unless it sends us active.</summary>
    private void OnQuery(EigrpNeighbor neighbor, EigrpPacket packet)
    {
        foreach (var (prefix, metric, nextHop, external) in Routes(packet))
        {
            var entry = ApplyReport(neighbor, prefix, metric, nextHop, external);
            if (entry is null)
            {
                // A summary of ours answers for its prefix: the query stops here.
                var answer = ActiveSummary(prefix) is { } summary
                    ? new EigrpAdvertisement(summary.Vector, default, null)
                    : new EigrpAdvertisement(metric, default, external);
                QueueReply(neighbor, prefix, answer);
                continue;
            }

            // Already active: answer now with what we have, so two active routers never
            // wait on each other. Sent active by this query: answer when the computation ends.
            bool wasActive = entry.IsActive;
            if (!wasActive)
                Recompute(entry);

            if (entry.IsActive && !wasActive)
                entry.RepliesOwed.Add(neighbor);
            else
                QueueReply(neighbor, entry);

            Prune(entry);
        }
    }

    private void OnReply(EigrpNeighbor neighbor, EigrpPacket packet)
    {
        foreach (var (prefix, metric, nextHop, external) in Routes(packet))
        {
            var entry = ApplyReport(neighbor, prefix, metric, nextHop, external);
            if (entry is null)
                continue;

            if (!entry.IsActive)
            {
                Recompute(entry);
            }
            else if (entry.AwaitingReplies.Remove(neighbor) && entry.AwaitingReplies.Count == 0)
            {
                FinishActive(entry);
            }

            Prune(entry);
        }
    }

    private void OnNeighborLost(EigrpNeighbor neighbor)
    {
        repliesToSend.Remove(neighbor);
        foreach (var entry in topology.Values.ToList())
        {
            bool affected = entry.NeighborPaths.Remove(neighbor);
            entry.RepliesOwed.Remove(neighbor);
            if (entry.IsActive)
            {
                // A neighbor gone is a neighbor that replied "unreachable" (RFC 7868 3.x).
                if (entry.AwaitingReplies.Remove(neighbor) && entry.AwaitingReplies.Count == 0)
                    FinishActive(entry);
            }
            else if (affected)
            {
                Recompute(entry);
            }

            Prune(entry);
        }
    }

    /// <summary>DUAL's local computation for a passive destination (RFC 7868 3.x).</summary>
    private void Recompute(EigrpTopologyEntry entry)
    {
        if (entry.IsActive)
            return;

        uint minimum = entry.MinimumDistance();
        var best = new List<EigrpPath>();
        if (minimum != EigrpMetric.Infinity)
        {
            foreach (var path in entry.Paths)
            {
                if (path.Distance == minimum && entry.IsFeasible(path))
                    best.Add(path);
            }
        }

        if (best.Count > 0)
        {
            entry.FeasibleDistance = minimum;
            SetSuccessors(entry, best);
            return;
        }

        if (!entry.IsReachable && entry.FeasibleDistance == EigrpMetric.Infinity)
            return;

        GoActive(entry);
    }

    /// <summary>
    /// No feasible successor: query every up neighbor and wait for their replies.
    /// </summary>
    private void GoActive(EigrpTopologyEntry entry)
    {
        SetSuccessors(entry, []);
        foreach (var neighbor in AllNeighbors())
        {
            if (neighbor.State == EigrpNeighborState.Up)
                entry.AwaitingReplies.Add(neighbor);
        }

        if (entry.AwaitingReplies.Count == 0)
        {
            FinishActive(entry);
            return;
        }

        entry.IsActive = true;
        activeCount++;
        long since = Node.Scheduler.NowNanoseconds;
        entry.ActiveSinceNanoseconds = since;
        entry.SerialNumber = ++serialNumber;
        newlyActive.Add(entry);
        Node.Scheduler.Schedule(ActiveTime, () => OnActiveTimer(entry, since));
    }

    /// <summary>All replies in: the best path left becomes the successor, FD is reset.</summary>
    private void FinishActive(EigrpTopologyEntry entry)
    {
        if (entry.IsActive)
        {
            entry.IsActive = false;
            activeCount--;
        }

        entry.AwaitingReplies.Clear();
        uint minimum = entry.MinimumDistance();
        var best = new List<EigrpPath>();
        foreach (var path in entry.Paths)
        {
            if (minimum != EigrpMetric.Infinity && path.Distance == minimum)
                best.Add(path);
        }

        entry.FeasibleDistance = minimum;
        SetSuccessors(entry, best);
        foreach (var neighbor in entry.RepliesOwed)
            QueueReply(neighbor, entry);

        entry.RepliesOwed.Clear();
        changed.Add(entry);
        Prune(entry);
    }

    private void OnActiveTimer(EigrpTopologyEntry entry, long activeSince)
    {
        if (!entry.IsActive || entry.ActiveSinceNanoseconds != activeSince)
            return;

        Node.Log.Syslog($"%DUAL-3-SIA: Route {entry.Prefix} stuck-in-active state in " +
                        $"IP-EIGRP(0) {AutonomousSystem}.  Cleaning up");
        foreach (var neighbor in entry.AwaitingReplies.ToList())
            RemoveNeighbor(neighbor, "stuck in active");

        FlushChanges();
    }

    private void Prune(EigrpTopologyEntry entry)
    {
        if (!entry.HasPaths && !entry.IsActive && !entry.IsReachable)
        {
            topology.Remove(entry.Prefix);
            entry.FeasibleDistance = EigrpMetric.Infinity;
        }
    }

    private void SetSuccessors(EigrpTopologyEntry entry, List<EigrpPath> successors)
    {
        bool same = successors.Count == entry.Successors.Count;
        for (int i = 0; same && i < successors.Count; i++)
        {
            var installed = entry.InstalledRoutes[i];
            same = successors[i] == entry.Successors[i] &&
                   installed.Distance == successors[i].Distance &&
                   installed.NextHop == successors[i].NextHop &&
                   installed.Vector == successors[i].Vector;
        }

        entry.Successors.Clear();
        entry.Successors.AddRange(successors);
        if (successors.Count > 0)
            entry.LastVector = successors[0].Vector;

        changed.Add(entry);
        if (same)
            return;

        entry.SerialNumber = ++serialNumber;
        entry.InstalledRoutes.Clear();
        foreach (var path in successors)
            entry.InstalledRoutes.Add((path.Distance, path.NextHop, path.Vector));

        InstallRoutes(entry);
    }

    private bool IsOwnRoute(Route route) =>
        route.Source is RouteSource.Eigrp or RouteSource.EigrpExternal &&
        route.ProcessId == AutonomousSystem && !route.IsSummary;

    /// <summary>Successors through neighbors go to the RIB at distance 90 (170 external).</summary>
    private void InstallRoutes(EigrpTopologyEntry entry)
    {
        Node.Rib.Remove(entry.Prefix, IsOwnRoute);
        long now = Node.Scheduler.NowNanoseconds;
        foreach (var path in entry.Successors)
        {
            if (path.Neighbor is not { } neighbor)
                continue;

            var source = path.External is null ? RouteSource.Eigrp : RouteSource.EigrpExternal;
            Node.Rib.Add(new Route(entry.Prefix, source, RouteSourceText.DefaultDistance(source),
                path.Distance, path.NextHop, path.Interface.NetworkInterface, now)
            {
                ProcessId = AutonomousSystem,
                From = neighbor.Address,
                DescriptorDetails = DescriptorDetails(path.Vector),
            });
        }
    }

    /// <summary>
    /// The metric lines IOS prints in `show ip route A.B.C.D` for an EIGRP route.
    /// </summary>
    public static IReadOnlyList<string> DescriptorDetails(EigrpClassicMetric vector) =>
    [
        $"Total delay is {EigrpMetric.DelayMicroseconds(vector)} microseconds, " +
        $"minimum bandwidth is {EigrpMetric.BandwidthKilobits(vector)} Kbit",
        $"Reliability {vector.Reliability}/255, minimum MTU {vector.Mtu} bytes",
        $"Loading {vector.Load}/255, Hops {vector.HopCount}",
    ];

    /// <summary>
    /// What to advertise for a destination on an interface; false while it is active (its
    /// last advertisement stands). Split horizon (on by default) keeps a route off the
    /// interface its successor is on; `no ip next-hop-self` passes the successor's address on.
    /// </summary>
    private static bool TryDesired(EigrpTopologyEntry entry, EigrpInterface running,
        out EigrpAdvertisement? desired)
    {
        desired = null;
        if (entry.IsActive)
            return false;

        if (!entry.IsReachable)
            return true;

        foreach (var path in entry.Successors)
        {
            if (running.Settings.SplitHorizon && path.Interface == running)
                return true;
        }

        var successor = entry.Successors[0];
        var nextHop = !running.Settings.NextHopSelf && !successor.IsConnected &&
                      successor.Interface == running
            ? successor.NextHop
            : default;
        desired = new EigrpAdvertisement(successor.Vector, nextHop, successor.External);
        return true;
    }

    private static EigrpTlv BuildTlv(Prefix prefix, EigrpAdvertisement advertisement)
    {
        if (advertisement.External is { } external)
        {
            return new EigrpExternalRouteTlv
            {
                NextHop = advertisement.NextHop,
                OriginatingRouter = external.OriginatingRouter,
                OriginatingAutonomousSystem = external.OriginatingAutonomousSystem,
                ArbitraryTag = external.ArbitraryTag,
                ExternalProtocolMetric = external.ExternalProtocolMetric,
                ExternalProtocol = external.ExternalProtocol,
                ExternalFlags = external.ExternalFlags,
                Metric = advertisement.Vector,
                Destination = prefix.Network,
                PrefixLength = (byte)prefix.Length,
            };
        }

        return new EigrpInternalRouteTlv
        {
            NextHop = advertisement.NextHop,
            Metric = advertisement.Vector,
            Destination = prefix.Network,
            PrefixLength = (byte)prefix.Length,
        };
    }

    private void QueueReply(EigrpNeighbor neighbor, EigrpTopologyEntry entry)
    {
        // Poison reverse in replies: never offer a neighbor a path that runs through it.
        bool viaNeighbor = false;
        foreach (var path in entry.Successors)
            viaNeighbor |= path.Neighbor == neighbor;

        var vector = entry.IsReachable && !viaNeighbor
            ? entry.Successors[0].Vector
            : EigrpMetric.Unreachable(entry.LastVector);
        var external = entry.IsReachable ? entry.Successors[0].External : null;
        QueueReply(neighbor, entry.Prefix, new EigrpAdvertisement(vector, default, external));
    }

    private void QueueReply(EigrpNeighbor neighbor, Prefix prefix, EigrpAdvertisement reply)
    {
        if (!repliesToSend.TryGetValue(neighbor, out var tlvs))
        {
            tlvs = new List<EigrpTlv>();
            repliesToSend[neighbor] = tlvs;
        }

        tlvs.Add(BuildTlv(prefix, reply));
    }

    /// <summary>An interface setting changed: every destination is advertised afresh.</summary>
    internal void Readvertise()
    {
        foreach (var entry in topology.Values)
            changed.Add(entry);

        FlushChanges();
    }

    /// <summary>Sends what the last event changed: Updates, then Queries, then Replies.</summary>
    private void FlushChanges()
    {
        if (flushing)
            return;

        flushing = true;
        try
        {
            FlushUpdates();
            FlushQueries();
            FlushReplies();
        }
        finally
        {
            flushing = false;
        }
    }

    private void FlushUpdates()
    {
        UpdateSummaries();
        if (changed.Count == 0 && changedSummaries.Count == 0)
            return;

        var prefixes = new List<Prefix>();
        var seen = new HashSet<Prefix>();
        foreach (var entry in changed)
        {
            if (seen.Add(entry.Prefix))
                prefixes.Add(entry.Prefix);
        }

        foreach (var prefix in changedSummaries)
        {
            if (seen.Add(prefix))
                prefixes.Add(prefix);
        }

        changed.Clear();
        changedSummaries.Clear();
        foreach (var running in interfaces.Values)
        {
            if (running.Passive)
                continue;

            var tlvs = new List<EigrpTlv>();
            foreach (var prefix in prefixes)
            {
                if (!TryAdvertisement(prefix, running, out var desired))
                    continue;

                bool had = running.Advertised.TryGetValue(prefix, out var last);
                if (desired is { } now)
                {
                    if (had && last == now)
                        continue;

                    running.Advertised[prefix] = now;
                    tlvs.Add(BuildTlv(prefix, now));
                }
                else if (had)
                {
                    running.Advertised.Remove(prefix);
                    var withdrawal = last with { Vector = EigrpMetric.Unreachable(last.Vector) };
                    tlvs.Add(BuildTlv(prefix, withdrawal));
                }
            }

            SendPacketized(running, null, EigrpOpcode.Update, tlvs, EigrpFlags.None);
        }
    }

    private void FlushQueries()
    {
        if (newlyActive.Count == 0)
            return;

        var entries = newlyActive.ToList();
        newlyActive.Clear();
        foreach (var running in interfaces.Values)
        {
            if (running.Passive || running.UpNeighborCount == 0)
                continue;

            var tlvs = new List<EigrpTlv>();
            foreach (var entry in entries)
            {
                if (!entry.IsActive)
                    continue;

                // The query carries our distance through the best path left, if any.
                var vector = EigrpMetric.Unreachable(entry.LastVector);
                foreach (var path in entry.Paths)
                {
                    if (path.IsReachable && path.Distance == entry.MinimumDistance())
                        vector = path.Vector;
                }

                tlvs.Add(BuildTlv(entry.Prefix, new EigrpAdvertisement(vector, default, null)));
            }

            SendPacketized(running, null, EigrpOpcode.Query, tlvs, EigrpFlags.None);
        }
    }

    private void FlushReplies()
    {
        if (repliesToSend.Count == 0)
            return;

        var replies = repliesToSend.ToList();
        repliesToSend.Clear();
        foreach (var (neighbor, tlvs) in replies)
        {
            if (neighbor.Interface.NeighborsByAddress.ContainsKey(neighbor.Address))
                SendPacketized(neighbor.Interface, neighbor, EigrpOpcode.Reply, tlvs,
                    EigrpFlags.None);
        }
    }

    /// <summary>
    /// The whole table for a neighbor just up: unicast Updates, End-of-Table last.
    /// </summary>
    private void SendStartupTable(EigrpNeighbor neighbor)
    {
        var running = neighbor.Interface;
        var tlvs = new List<EigrpTlv>();
        var prefixes = topology.Keys.Concat(running.Settings.Summaries).Distinct()
            .OrderBy(p => p.Network).ThenBy(p => p.Length);
        foreach (var prefix in prefixes)
        {
            if (!TryAdvertisement(prefix, running, out var desired) || desired is not { } now)
                continue;

            running.Advertised[prefix] = now;
            tlvs.Add(BuildTlv(prefix, now));
        }

        SendPacketized(running, neighbor, EigrpOpcode.Update, tlvs, EigrpFlags.EndOfTable);
    }

    /// <summary>
    /// Splits TLVs into packets that fit the interface's IP MTU and sends each reliably: to
    /// one neighbor by unicast, or to the interface's neighbors by multicast. A non-empty
    /// <paramref name="lastFlags"/> goes on the last packet, which is sent even if empty.
    /// </summary>
    private void SendPacketized(EigrpInterface running, EigrpNeighbor? neighbor,
        EigrpOpcode opcode, List<EigrpTlv> tlvs, EigrpFlags lastFlags)
    {
        if (tlvs.Count == 0 && lastFlags == EigrpFlags.None)
            return;

        int room = running.NetworkInterface.IpMtu - 20 - EigrpPacketView.HeaderLength;
        var packet = NewReliable(opcode, EigrpFlags.None);
        int used = 0;
        for (int i = 0; i < tlvs.Count; i++)
        {
            if (used + tlvs[i].Length > room && packet.Tlvs.Count > 0)
            {
                SendReliable(running, neighbor, packet);
                packet = NewReliable(opcode, EigrpFlags.None);
                used = 0;
            }

            packet.Tlvs.Add(tlvs[i]);
            used += tlvs[i].Length;
        }

        packet.Flags = lastFlags;
        SendReliable(running, neighbor, packet);
    }

    private void SendReliable(EigrpInterface running, EigrpNeighbor? neighbor,
        EigrpPacket packet)
    {
        if (neighbor is not null)
            EnqueueUnicast(neighbor, packet);
        else
            MulticastReliable(running, packet);
    }
}

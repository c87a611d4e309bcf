using System.Globalization;
using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Routing;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// `show ip eigrp neighbors [detail]`, `show ip eigrp topology [all-links]`,
/// `show ip eigrp interfaces [detail]`, `show ip protocols`, `debug eigrp packets`,
/// `clear ip eigrp neighbors`, in IOS 15's layout (refdata/ios-outputs/show-ip-eigrp-*).
/// </summary>
public static class EigrpShowCommands
{
    private const string TopologyCodes =
        "Codes: P - Passive, A - Active, U - Update, Q - Query, R - Reply,\n" +
        "       r - reply Status, s - sia Status ";

    public static void Register(CliModes modes)
    {
        var exec = modes.UserExec.Commands;
        exec.Register("show ip eigrp neighbors [detail]", context =>
        {
            foreach (var process in Processes(context.Node()))
                WriteNeighbors(process, context.Has("detail"), context.Output);
            return CommandResult.Ok;
        });
        exec.Register("show ip eigrp topology [all-links]", context =>
        {
            foreach (var process in Processes(context.Node()))
                WriteTopology(process, context.Has("all-links"), context.Output);
            return CommandResult.Ok;
        });
        exec.Register("show ip eigrp interfaces [detail]", context =>
        {
            foreach (var process in Processes(context.Node()))
                WriteInterfaces(process, context.Has("detail"), context.Output);
            return CommandResult.Ok;
        });
        exec.Register("show ip protocols", context =>
        {
            WriteProtocols(context.Node(), context.Output);
            return CommandResult.Ok;
        });

        var privileged = modes.PrivilegedExec.Commands;
        privileged.Register("debug eigrp packets", context =>
        {
            context.Node().Log.EnableDebug(EigrpDebug.Category);
            context.Output.WriteLine("EIGRP Packet debugging is on");
            context.Output.WriteLine("    (UPDATE, REQUEST, QUERY, REPLY, HELLO, IPXSAP, PROBE, " +
                                     "ACK, STUB, SIAQUERY, SIAREPLY)");
            return CommandResult.Ok;
        });
        privileged.Register("undebug eigrp packets", context =>
        {
            context.Node().Log.DisableDebug(EigrpDebug.Category);
            context.Output.WriteLine("EIGRP Packet debugging is off");
            return CommandResult.Ok;
        });
        privileged.Register("clear ip eigrp neighbors", context =>
        {
            foreach (var process in Processes(context.Node()))
                process.ClearNeighbors();
            return CommandResult.Ok;
        });
    }

    private static IEnumerable<EigrpProcess> Processes(NetworkNode node) =>
        node.GetFeature<EigrpProtocol>()?.Processes.OrderBy(p => p.AutonomousSystem) ??
        Enumerable.Empty<EigrpProcess>();

    private static string Age(NetworkNode node, long sinceNanoseconds) =>
        IosTime.FormatUptime(TimeSpan.FromTicks(
            (node.Scheduler.NowNanoseconds - sinceNanoseconds) / 100));

    public static void WriteNeighbors(EigrpProcess process, bool detail, TextWriter output)
    {
        output.WriteLine($"EIGRP-IPv4 Neighbors for AS({process.AutonomousSystem})");
        var neighbors = process.AllNeighbors().OrderByDescending(n => n.Handle).ToList();
        if (neighbors.Count == 0)
            return;

        output.WriteLine(
            "H   Address                 Interface              Hold Uptime   SRTT   RTO  Q  Seq");
        output.WriteLine(
            "                                                   (sec)         (ms)       Cnt Num");
        foreach (var neighbor in neighbors)
        {
            int hold = (int)neighbor.HoldTimer!.Remaining.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{neighbor.Handle,-3} {neighbor.Address,-23} " +
                $"{neighbor.NetworkInterface.ShortName,-23}{hold,4} " +
                $"{Age(process.Node, neighbor.UpSinceNanoseconds),-8}" +
                $"{neighbor.SmoothedRoundTripMilliseconds,5}" +
                $"{neighbor.RetransmissionTimeoutMilliseconds,6}{neighbor.QueueCount,3}  " +
                $"{neighbor.LastSequenceReceived}"));
            if (!detail)
                continue;

            var version = neighbor.SoftwareVersion;
            string versionText = version is null
                ? "0.0/0.0"
                : $"{version.ReleaseMajor}.{version.ReleaseMinor}/" +
                  $"{version.TlvVersionMajor}.{version.TlvVersionMinor}";
            output.WriteLine($"   Version {versionText}, Retrans: " +
                             $"{neighbor.RetransmissionsSent}, Retries: " +
                             $"{neighbor.Head?.Retries ?? 0}, Prefixes: " +
                             $"{neighbor.PrefixesReceived}");
            output.WriteLine("   Topology-ids from peer - 0");
            output.WriteLine("   Topologies advertised to peer:   base");
            output.WriteLine();
        }

        if (detail)
            output.WriteLine("Max Nbrs: 0, Current Nbrs: 0");
    }

    public static void WriteTopology(EigrpProcess process, bool allLinks, TextWriter output)
    {
        output.WriteLine($"EIGRP-IPv4 Topology Table for AS({process.AutonomousSystem})/" +
                         $"ID({process.RouterId})");
        output.WriteLine(TopologyCodes);
        output.WriteLine();
        var entries = process.Topology
            .Select(e => (e.Prefix, Entry: (EigrpTopologyEntry?)e, Summary: (EigrpSummary?)null))
            .Concat(process.Summaries.Where(s => s.IsActive)
                .Select(s => (s.Prefix, Entry: (EigrpTopologyEntry?)null,
                    Summary: (EigrpSummary?)s)))
            .OrderBy(e => e.Prefix.Network).ThenBy(e => e.Prefix.Length);
        foreach (var (_, found, summary) in entries)
        {
            if (summary is not null)
            {
                WriteSummaryEntry(summary, allLinks, output);
                continue;
            }

            var entry = found!;
            if (!allLinks && !entry.IsReachable && !entry.IsActive)
                continue;

            string fd = entry.FeasibleDistance == EigrpMetric.Infinity
                ? "Inaccessible"
                : entry.FeasibleDistance.ToString(CultureInfo.InvariantCulture);
            string serial = allLinks ? $", serno {entry.SerialNumber}" : "";
            output.WriteLine($"{(entry.IsActive ? 'A' : 'P')} {entry.Prefix}, " +
                             $"{entry.SuccessorPaths.Count} successors, FD is {fd}{serial}");
            if (entry.IsActive)
            {
                output.WriteLine($"    {entry.AwaitingReplies.Count} replies, active " +
                                 $"{Age(process.Node, entry.ActiveSinceNanoseconds)}, " +
                                 "query-origin: Local origin");
            }

            foreach (var path in OrderedPaths(entry))
            {
                if (!allLinks && !entry.SuccessorPaths.Contains(path) &&
                    !(path.IsReachable && entry.IsFeasible(path)))
                    continue;

                output.WriteLine(PathLine(entry, path));
            }
        }
    }

    /// <summary>
    /// A summary as IOS lists it: one successor, "via Summary (FD/0), Null0". A topology
    /// entry for the very same prefix (learned from a neighbor) is listed as its own record.
    /// </summary>
    private static void WriteSummaryEntry(EigrpSummary summary, bool allLinks,
        TextWriter output)
    {
        string fd = Metric(summary.Distance);
        string serial = allLinks ? $", serno {summary.SerialNumber}" : "";
        output.WriteLine($"P {summary.Prefix}, 1 successors, FD is {fd}{serial}");
        output.WriteLine($"        via Summary ({fd}/0), Null0");
    }

    private static IEnumerable<EigrpPath> OrderedPaths(EigrpTopologyEntry entry) =>
        entry.Paths
            .OrderBy(p => entry.SuccessorPaths.Contains(p) ? 0 : 1)
            .ThenBy(p => p.Distance)
            .ThenBy(p => p.NextHop);

    private static string PathLine(EigrpTopologyEntry entry, EigrpPath path)
    {
        if (path.IsConnected)
            return $"        via Connected, {path.Interface.NetworkInterface.Name}";

        string distance = Metric(path.Distance);
        string reported = Metric(path.ReportedDistance);
        string replyStatus = entry.AwaitingReplies.Contains(path.Neighbor!) ? ", r" : "";
        return $"        via {path.NextHop} ({distance}/{reported}){replyStatus}, " +
               $"{path.Interface.NetworkInterface.Name}";
    }

    private static string Metric(uint value) => value == EigrpMetric.Infinity
        ? "Infinity"
        : value.ToString(CultureInfo.InvariantCulture);

    public static void WriteInterfaces(EigrpProcess process, bool detail, TextWriter output)
    {
        output.WriteLine($"EIGRP-IPv4 Interfaces for AS({process.AutonomousSystem})");
        output.WriteLine("                              Xmit Queue   PeerQ        Mean   " +
                         "Pacing Time   Multicast    Pending");
        output.WriteLine("Interface              Peers  Un/Reliable  Un/Reliable  SRTT   " +
                         "Un/Reliable   Flow Timer   Routes");
        bool first = true;
        var running = process.Interfaces.Where(i => !i.Passive)
            .OrderBy(i => i.NetworkInterface.Index);
        foreach (var eigrpInterface in running)
        {
            if (detail && !first)
                output.WriteLine();

            first = false;
            WriteInterfaceRow(eigrpInterface, output);
            if (detail)
                WriteInterfaceDetail(eigrpInterface, output);
        }
    }

    private static void WriteInterfaceRow(EigrpInterface running, TextWriter output)
    {
        int peers = running.UpNeighborCount;
        int reliable = 0;
        int srttSum = 0;
        foreach (var neighbor in running.Neighbors)
        {
            reliable = Math.Max(reliable, neighbor.QueueCount);
            srttSum += neighbor.SmoothedRoundTripMilliseconds;
        }

        int count = running.NeighborsByAddress.Count;
        int meanSrtt = count == 0 ? 0 : srttSum / count;

        // IOS's multicast flow timer grows with the SRTT; 4·SRTT+4 ms, at least 50 ms, fits
        // the Ethernet samples (SRTT 5 → 50, SRTT 20 → 84). Pacing is 0/0 on fast links.
        int flowTimer = count == 0 ? 0 : Math.Max(50, 4 * meanSrtt + 4);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{running.NetworkInterface.ShortName,-23}{peers,3}{"0/" + reliable,11}" +
            $"{"0/0",10}{meanSrtt,12}{"0/0",10}{flowTimer,13}{0,12}"));
    }

    private static void WriteInterfaceDetail(EigrpInterface running, TextWriter output)
    {
        output.WriteLine($"  Hello-interval is {running.HelloIntervalSeconds}, " +
                         $"Hold-time is {running.HoldTimeSeconds}");
        output.WriteLine(running.Settings.SplitHorizon
            ? "  Split-horizon is enabled"
            : "  Split-horizon is disabled");
        output.WriteLine("  Next xmit serial <none>");
        output.WriteLine($"  Packetized sent/expedited: {running.PacketizedSent}/0");
        output.WriteLine($"  Hello's sent/expedited: {running.HellosSent}/" +
                         $"{running.HellosExpedited}");
        output.WriteLine($"  Un/reliable mcasts: {running.UnreliableMulticastsSent}/" +
                         $"{running.ReliableMulticastsSent}  Un/reliable ucasts: " +
                         $"{running.UnreliableUnicastsSent}/{running.ReliableUnicastsSent}");
        output.WriteLine($"  Mcast exceptions: 0  CR packets: {running.ConditionalReceivePackets}" +
                         "  ACKs suppressed: 0");
        output.WriteLine($"  Retransmissions sent: {running.RetransmissionsSent}  " +
                         $"Out-of-sequence rcvd: {running.OutOfSequenceReceived}");
        output.WriteLine("  Topology-ids on interface - 0 ");
        output.WriteLine("  Authentication mode is not set");
        output.WriteLine("  Topologies advertised on this interface:  base");
        output.WriteLine("  Topologies not advertised on this interface:");
    }

    public static void WriteProtocols(NetworkNode node, TextWriter output)
    {
        var processes = Processes(node).ToList();
        if (processes.Count == 0)
            return;

        output.WriteLine("*** IP Routing is NSF aware ***");
        output.WriteLine();
        foreach (var process in processes)
            WriteProtocol(process, output);
    }

    private static void WriteProtocol(EigrpProcess process, TextWriter output)
    {
        int asn = process.AutonomousSystem;
        output.WriteLine($"Routing Protocol is \"eigrp {asn}\"");
        output.WriteLine("  Outgoing update filter list for all interfaces is not set");
        output.WriteLine("  Incoming update filter list for all interfaces is not set");
        output.WriteLine("  Default networks flagged in outgoing updates");
        output.WriteLine("  Default networks accepted from incoming updates");
        output.WriteLine($"  EIGRP-IPv4 Protocol for AS({asn})");
        output.WriteLine($"    Metric weight {process.KValues}");
        output.WriteLine("    NSF-aware route hold timer is 240");
        output.WriteLine($"    Router-ID: {process.RouterId}");
        output.WriteLine("    Topology : 0 (base) ");
        output.WriteLine("      Active Timer: 3 min");
        output.WriteLine("      Distance: internal 90 external 170");
        output.WriteLine("      Maximum path: 4");
        output.WriteLine($"      Maximum hopcount {EigrpMetric.MaximumHops}");
        output.WriteLine("      Maximum metric variance 1");
        output.WriteLine();
        output.WriteLine(process.AutoSummary
            ? "  Automatic Summarization: enabled"
            : "  Automatic Summarization: disabled");
        WriteAddressSummarization(process, output);
        output.WriteLine("  Maximum path: 4");
        output.WriteLine("  Routing for Networks:");
        foreach (var network in process.Networks)
            output.WriteLine($"    {network}");

        if (process.PassiveInterfaces.Count > 0)
        {
            output.WriteLine("  Passive Interface(s):");
            foreach (string name in process.PassiveInterfaces.Order(StringComparer.Ordinal))
                output.WriteLine($"    {name}");
        }

        output.WriteLine("  Routing Information Sources:");
        output.WriteLine("    Gateway         Distance      Last Update");
        foreach (var (gateway, installedAt) in InformationSources(process))
        {
            output.WriteLine($"    {gateway,-15}{90,9}      " +
                             $"{Age(process.Node, installedAt)}");
        }

        output.WriteLine("  Distance: internal 90 external 170");
        output.WriteLine();
    }

    /// <summary>
    /// IOS's "Address Summarization" block: each summary with the interfaces it is
    /// configured on and, while it has components, their count and its metric.
    /// </summary>
    private static void WriteAddressSummarization(EigrpProcess process, TextWriter output)
    {
        var summaries = process.Summaries.OrderBy(s => s.Prefix.Network)
            .ThenBy(s => s.Prefix.Length).ToList();
        if (summaries.Count == 0)
            return;

        output.WriteLine("  Address Summarization:");
        foreach (var summary in summaries)
        {
            var names = process.Interfaces
                .Where(i => i.Settings.Summaries.Contains(summary.Prefix))
                .OrderBy(i => i.NetworkInterface.Index)
                .Select(i => i.NetworkInterface.ShortName);
            output.WriteLine($"    {summary.Prefix} for {string.Join(", ", names)}");
            if (summary.IsActive)
            {
                output.WriteLine($"      Summarizing {summary.ComponentCount} components with " +
                                 $"metric {summary.Distance}");
            }
        }
    }

    /// <summary>
    /// Each router that gave us an installed route, with the latest such route's age.
    /// </summary>
    private static IEnumerable<(DmvpnLab.Wire.Ipv4Address Gateway, long InstalledAt)>
        InformationSources(EigrpProcess process)
    {
        var latest = new Dictionary<DmvpnLab.Wire.Ipv4Address, long>();
        foreach (var (_, routes) in process.Node.Rib.InstalledRoutes())
        {
            foreach (var route in routes)
            {
                if (route.Source is not (RouteSource.Eigrp or RouteSource.EigrpExternal) ||
                    route.ProcessId != process.AutonomousSystem || route.From is not { } from)
                    continue;

                latest[from] = Math.Max(latest.GetValueOrDefault(from),
                    route.InstalledAtNanoseconds);
            }
        }

        return latest.OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value));
    }
}

using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// `show ip nhrp [A.B.C.D | brief | detail | nhs [detail] | traffic]`, laid out as IOS 15
/// prints them (refdata/ios-outputs/show-ip-nhrp*.txt).
/// </summary>
public static class NhrpShowCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.UserExec.Commands;
        commands.Register("show ip nhrp", context => Cache(context, null, detail: false));
        commands.Register("show ip nhrp <A.B.C.D:address>",
            context => Cache(context, context.Ipv4("address"), detail: false));
        commands.Register("show ip nhrp detail", context => Cache(context, null, detail: true));
        commands.Register("show ip nhrp brief", context =>
        {
            WriteBrief(context.Node(), context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show ip nhrp nhs", context =>
        {
            WriteServers(context.Node(), context.Output, detail: false);
            return CommandResult.Ok;
        });
        commands.Register("show ip nhrp nhs detail", context =>
        {
            WriteServers(context.Node(), context.Output, detail: true);
            return CommandResult.Ok;
        });
        commands.Register("show ip nhrp traffic", context =>
        {
            WriteTraffic(context.Node(), context.Output);
            return CommandResult.Ok;
        });
    }

    private static CommandResult Cache(CommandContext context, Ipv4Address? address, bool detail)
    {
        var node = context.Node();
        long now = node.Scheduler.NowNanoseconds;
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            foreach (var entry in nhrp.Cache.Ordered())
            {
                if (entry.IsExpired(now))
                    continue;

                if (address is { } wanted && !entry.Prefix.Contains(wanted))
                    continue;

                WriteEntry(context.Output, nhrp, entry, now, detail);
            }
        }

        return CommandResult.Ok;
    }

    /// <summary>One entry in IOS 15's three- or four-line layout.</summary>
    public static void WriteEntry(TextWriter output, NhrpInterface nhrp, NhrpCacheEntry entry,
        long now, bool detail)
    {
        string created = IosTime.FormatUptime(Since(entry.CreatedAtNanoseconds, now));
        string expire = entry.ExpiresAtNanoseconds == NhrpCacheEntry.Never
            ? "never expire"
            : $"expire {IosTime.FormatUptime(entry.ExpiresIn(now))}";
        string flags = NhrpCacheFlagsText.Words(entry.Flags);
        if (entry.Type == NhrpCacheEntryType.Incomplete)
        {
            // IOS prints incomplete entries on the older, two-space layout.
            output.WriteLine($"{entry.Prefix}, {nhrp.Tunnel.Name} created {created}, {expire}");
            output.WriteLine($"  Type: incomplete, Flags: {flags}");
            output.WriteLine($"  Cache hits: {entry.CacheHits}");
            return;
        }

        output.WriteLine($"{entry.Prefix} via {entry.NextHop}");
        output.WriteLine($"   {nhrp.Tunnel.Name} created {created}, {expire}");
        string type = entry.Type == NhrpCacheEntryType.Static ? "static" : "dynamic";
        output.WriteLine(flags.Length == 0
            ? $"   Type: {type}, Flags:"
            : $"   Type: {type}, Flags: {flags}");
        output.WriteLine($"   NBMA address: {entry.Nbma}");
        if (detail)
            output.WriteLine("   Preference: 255");

        if (entry.ClaimedNbma is { } claimed)
            output.WriteLine($"    (Claimed NBMA address: {claimed})");

        // IOS marks its own (local) entries as having no IPsec socket.
        if (entry.Has(NhrpCacheFlags.Local))
            output.WriteLine("    (no-socket)");

        if (detail && entry.Requester is { } requester)
            output.WriteLine($"  Requester: {requester} Request ID: {entry.RequestId}");
    }

    /// <summary>
    /// `show ip nhrp brief`. No attributed IOS sample exists in refdata; this follows the
    /// IOS 15 layout as remembered (Target, Via, NBMA, Mode, Intfc, Claimed).
    /// </summary>
    private static void WriteBrief(NetworkNode node, TextWriter output)
    {
        long now = node.Scheduler.NowNanoseconds;
        output.WriteLine(
            "   Target             Via            NBMA           Mode   Intfc   Claimed");
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            foreach (var entry in nhrp.Cache.Ordered())
            {
                if (entry.IsExpired(now))
                    continue;

                string mode = entry.Type switch
                {
                    NhrpCacheEntryType.Static => "static",
                    NhrpCacheEntryType.Dynamic => "dynamic",
                    _ => "incomplete",
                };
                string claimed = entry.ClaimedNbma is { } c ? $"< {c} >" : "<   >";
                output.WriteLine($"{entry.Prefix,18} {entry.NextHop?.ToString() ?? "",-15}" +
                    $"{entry.Nbma?.ToString() ?? "",-15}{mode,-8} {nhrp.Tunnel.ShortName,-7} " +
                    claimed);
            }
        }
    }

    private static void WriteServers(NetworkNode node, TextWriter output, bool detail)
    {
        long now = node.Scheduler.NowNanoseconds;
        output.WriteLine("Legend: E=Expecting replies, R=Responding, W=Waiting, D=Dynamic");
        var pending = new List<string>();
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            if (nhrp.Servers.Count == 0)
                continue;

            output.WriteLine($"{nhrp.Tunnel.Name}:");
            foreach (var server in nhrp.Servers)
            {
                string status = server.State == NhrpNhsState.Responding ? "RE" : "E";
                string nbma = nhrp.TryGetServerNbma(server, out var address)
                    ? $"NBMA Address: {address} "
                    : "";
                string line = $"{server.Address}  {status,2}  {nbma}priority = 0 cluster = 0";
                if (detail)
                {
                    line += $"  req-sent {server.RequestsSent}  req-failed " +
                        $"{server.RequestsFailed}  repl-recv {server.RepliesReceived}";
                    if (server.LastReplyAtNanoseconds is { } last)
                        line += $" ({IosTime.FormatUptime(Since(last, now))} ago)";
                }

                output.WriteLine(line);
                if (detail)
                {
                    // refdata show-ip-nhrp-nhs-detail.txt: the Ack once a reply came.
                    string ack = server.AcknowledgedRequestId is { } acknowledged
                        ? $" (Ack: {acknowledged})"
                        : "";
                    output.WriteLine($" Current Request ID: {server.CurrentRequestId}{ack}");
                    output.WriteLine(" Protection Socket Requested: " +
                        (nhrp.Tunnel.Protector is null ? "FALSE" : "TRUE"));
                }

                if (server.AwaitingReply && server.UnansweredRetransmissions > 0)
                {
                    pending.Add($"Registration Request: Reqid {server.CurrentRequestId}, " +
                        $"Ret {server.RetransmitSeconds}  NHS {server.Address} expired " +
                        $"({nhrp.Tunnel.ShortName})");
                }
            }
        }

        if (!detail || pending.Count == 0)
            return;

        output.WriteLine();
        output.WriteLine();
        output.WriteLine("Pending Registration Requests:");
        foreach (string line in pending)
            output.WriteLine(line);
    }

    private static void WriteTraffic(NetworkNode node, TextWriter output)
    {
        long now = node.Scheduler.NowNanoseconds;
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            var traffic = nhrp.Traffic;
            output.WriteLine($"{nhrp.Tunnel.Name}: Max-send limit:" +
                $"{NhrpTrafficCounters.MaxSendPackets}Pkts/" +
                $"{(int)NhrpTrafficCounters.MaxSendInterval.TotalSeconds}Sec, " +
                $"Usage:{traffic.UsagePercent(now)}%");
            output.WriteLine($"   Sent: Total {traffic.SentTotal}");
            WriteCounts(output, traffic.Sent);
            output.WriteLine($"   Rcvd: Total {traffic.ReceivedTotal}");
            WriteCounts(output, traffic.Received);
        }
    }

    private static void WriteCounts(TextWriter output, Func<NhrpPacketType, long> count)
    {
        output.WriteLine($"         {count(NhrpPacketType.ResolutionRequest)} Resolution Request" +
            $"  {count(NhrpPacketType.ResolutionReply)} Resolution Reply" +
            $"  {count(NhrpPacketType.RegistrationRequest)} Registration Request");
        output.WriteLine($"         {count(NhrpPacketType.RegistrationReply)} Registration Reply" +
            $"  {count(NhrpPacketType.PurgeRequest)} Purge Request" +
            $"  {count(NhrpPacketType.PurgeReply)} Purge Reply");

        // Redirect Suppress is an IOS message this implementation never sends nor knows.
        output.WriteLine($"         {count(NhrpPacketType.ErrorIndication)} Error Indication" +
            $"  {count(NhrpPacketType.TrafficIndication)} Traffic Indication" +
            "  0 Redirect Suppress");
    }

    internal static TimeSpan Since(long thenNanoseconds, long nowNanoseconds) =>
        TimeSpan.FromTicks(Math.Max(0, nowNanoseconds - thenNanoseconds) / 100);
}

using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// `show dmvpn` and `show dmvpn detail`: the NHRP peers of each tunnel grouped by NBMA
/// address, in IOS 15's columns (refdata/ios-outputs/show-dmvpn*.txt).
/// </summary>
public static class DmvpnShowCommands
{
    private const string Legend =
        """
        Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete
                N - NATed, L - Local, X - No Socket
                T1 - Route Installed, T2 - Nexthop-override, B - BGP
                C - CTS Capable, I2 - Temporary
                # Ent --> Number of NHRP entries with same NBMA peer
                NHS Status: E --> Expecting Replies, R --> Responding, W --> Waiting
                UpDn Time --> Up or Down Time for a Tunnel
        """;

    private const string DetailLegend =
        """
        Legend: Attrb --> S - Static, D - Dynamic, I - Incomplete
                N - NATed, L - Local, X - No Socket
                # Ent --> Number of NHRP entries with same NBMA peer
                NHS Status: E --> Expecting Replies, R --> Responding, W --> Waiting
                UpDn Time --> Up or Down Time for a Tunnel
        """;

    private const string DetailHeader =
        "# Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb    Target Network";

    private const string DetailRule =
        "----- --------------- --------------- ----- -------- ----- -----------------";

    private const string Rule =
        "==========================================================================";

    public static void Register(CliModes modes)
    {
        modes.UserExec.Commands.Register("show dmvpn", context =>
        {
            WriteSummary(context.Node(), context.Output);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show dmvpn detail", context =>
        {
            WriteDetail(context.Node(), context.Output);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register(
            "show dmvpn interface tunnel <0-2147483647:number> [detail]", context =>
            {
                string name = $"Tunnel{context["number"].Number}";
                if (context.Has("detail"))
                    WriteDetail(context.Node(), context.Output, name);
                else
                    WriteSummary(context.Node(), context.Output, name);
                return CommandResult.Ok;
            });
    }

    /// <summary>One line of the peer table.</summary>
    public sealed record PeerRow(string Nbma, Ipv4Address Tunnel, string State, string UpDown,
        string Attributes, string Target);

    /// <summary>The rows of one tunnel, grouped by NBMA peer in address order.</summary>
    public static List<List<PeerRow>> PeerGroups(NhrpInterface nhrp, long now)
    {
        var groups = new SortedDictionary<uint, List<PeerRow>>();
        var unknown = new List<List<PeerRow>>();
        foreach (var entry in nhrp.Cache.Ordered())
        {
            if (entry.IsExpired(now) || entry.Has(NhrpCacheFlags.Local))
                continue;

            var row = Row(nhrp, entry, now);
            if (entry.Nbma is not { } nbma)
            {
                unknown.Add([row]);
                continue;
            }

            if (!groups.TryGetValue(nbma.Value, out var group))
                groups[nbma.Value] = group = new List<PeerRow>();

            group.Add(row);
        }

        var all = new List<List<PeerRow>>(groups.Values);
        all.AddRange(unknown);
        return all;
    }

    private static PeerRow Row(NhrpInterface nhrp, NhrpCacheEntry entry, long now)
    {
        string attributes = entry.Type switch
        {
            NhrpCacheEntryType.Static => "S",
            NhrpCacheEntryType.Dynamic => "D",
            _ => "I",
        };
        if (entry.ClaimedNbma is not null)
            attributes += "N";
        if (entry.Has(NhrpCacheFlags.Nho))
            attributes += "T2";
        else if (entry.Has(NhrpCacheFlags.Rib))
            attributes += "T1";

        string state = "UP";
        string upDown = IosTime.FormatUptime(
            NhrpShowCommands.Since(entry.CreatedAtNanoseconds, now));
        if (entry.Type == NhrpCacheEntryType.Incomplete)
        {
            state = "NHRP";
            upDown = IosTime.Never;
        }
        else if (entry.Type == NhrpCacheEntryType.Static &&
                 nhrp.FindServer(entry.Prefix.Network) is { } server)
        {
            // A static NHS entry is UP once the server answers, NHRP while it is expected.
            state = server.State == NhrpNhsState.Responding ? "UP" : "NHRP";
            upDown = server.StateChangedAtNanoseconds is { } changed
                ? IosTime.FormatUptime(NhrpShowCommands.Since(changed, now))
                : IosTime.Never;
        }

        return new PeerRow(entry.Nbma?.ToString() ?? "UNKNOWN",
            entry.NextHop ?? entry.Prefix.Network, state, upDown, attributes,
            entry.Prefix.ToString());
    }

    private static void WriteSummary(NetworkNode node, TextWriter output, string? only = null)
    {
        long now = node.Scheduler.NowNanoseconds;
        output.WriteLine(Legend);
        output.WriteLine(Rule);
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            if (only is not null && nhrp.Tunnel.Name != only)
                continue;

            // IOS prints the line twice here (refdata show-dmvpn.txt, two routers), once
            // in the detail form; a shut tunnel has no peers to list.
            if (!nhrp.Tunnel.AdminUp)
            {
                output.WriteLine($"{nhrp.Tunnel.Name} is admin down");
                output.WriteLine($"{nhrp.Tunnel.Name} is admin down");
                continue;
            }

            var groups = PeerGroups(nhrp, now);
            output.WriteLine();
            output.WriteLine($"Interface: {nhrp.Tunnel.Name}, IPv4 NHRP Details ");
            output.WriteLine($"Type:{(nhrp.IsClient ? "Spoke" : "Hub")}, " +
                $"NHRP Peers:{groups.Count}, ");
            output.WriteLine();
            output.WriteLine(" # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb");
            output.WriteLine(" ----- --------------- --------------- ----- -------- -----");
            foreach (var group in groups)
            {
                for (int i = 0; i < group.Count; i++)
                {
                    var row = group[i];
                    string lead = i == 0
                        ? $"{group.Count,6} {row.Nbma,-15}"
                        : new string(' ', 22);
                    output.WriteLine($"{lead} {row.Tunnel,15} {row.State,5} {row.UpDown,8} " +
                        $"{row.Attributes,5}");
                }
            }

            output.WriteLine();
        }
    }

    private static void WriteDetail(NetworkNode node, TextWriter output, string? only = null)
    {
        long now = node.Scheduler.NowNanoseconds;
        output.WriteLine(DetailLegend);
        output.WriteLine(Rule);
        foreach (var nhrp in NhrpProtocol.For(node).Interfaces)
        {
            if (only is not null && nhrp.Tunnel.Name != only)
                continue;

            var tunnel = nhrp.Tunnel;
            if (!tunnel.AdminUp)
            {
                output.WriteLine($"{tunnel.Name} is admin down");
                continue;
            }

            var groups = PeerGroups(nhrp, now);
            output.WriteLine();
            output.WriteLine($"Interface {tunnel.Name} is {(tunnel.AdminUp ? "up" : "down")}/" +
                $"{(tunnel.IsUp ? "up" : "down")}, Addr. is {tunnel.Address}, VRF \"\"");
            string destination = tunnel.Mode == TunnelMode.GreMultipoint
                ? "MGRE"
                : tunnel.Destination?.ToString() ?? "0.0.0.0";
            output.WriteLine($"   Tunnel Src./Dest. addr: {tunnel.SourceAddress}/{destination}, " +
                "Tunnel VRF \"\"");
            string transport = tunnel.Mode == TunnelMode.GreMultipoint ? "multi-GRE/IP" : "GRE/IP";
            output.WriteLine($"   Protocol/Transport: \"{transport}\", " +
                $"Protect \"{tunnel.ProtectionProfileName ?? ""}\"");
            output.WriteLine("   Interface State Control: Disabled");
            foreach (var server in nhrp.Servers)
            {
                output.WriteLine($"IPv4 NHS: {server.Address} " +
                    (server.State == NhrpNhsState.Responding ? "RE" : "E"));
            }

            output.WriteLine($"Type:{(nhrp.IsClient ? "Spoke" : "Hub")}, " +
                $"Total NBMA Peers (v4/v6): {groups.Count}");
            output.WriteLine();
            output.WriteLine(DetailHeader);
            output.WriteLine(DetailRule);
            foreach (var group in groups)
            {
                for (int i = 0; i < group.Count; i++)
                {
                    var row = group[i];
                    string lead = i == 0 ? $"{group.Count,5} {row.Nbma,14}" : new string(' ', 20);
                    output.WriteLine($"{lead} {row.Tunnel,15} {row.State,5} {row.UpDown,8}" +
                        $"{row.Attributes,5}{row.Target,19}");
                    output.WriteLine();
                }
            }
        }
    }
}

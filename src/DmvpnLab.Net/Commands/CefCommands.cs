using DmvpnLab.Ios;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// CEF's view of the node: `show ip cef [A.B.C.D]`, `show adjacency [A.B.C.D]` and
/// `show ip arp`. Adjacencies are the ARP entries of Ethernet interfaces and the
/// next hops a tunnel's resolver (NHRP) has mapped — IOS's "midchain" adjacencies.
/// </summary>
public static class CefCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.UserExec.Commands;
        commands.Register("show ip cef", context =>
        {
            WriteCefTable(context.Node(), context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show ip cef <A.B.C.D:address>", context =>
        {
            WriteCefEntry(context.Node(), context.Ipv4("address"), context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show adjacency [<A.B.C.D:address>]", context =>
        {
            Ipv4Address? filter = context.Find("address") is { } a ? new Ipv4Address(a.Ipv4Value) : null;
            WriteAdjacencies(context.Node(), filter, context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show {arp|ip arp}", context =>
        {
            WriteArp(context.Node(), context.Output);
            return CommandResult.Ok;
        });
    }

    private static void WriteCefTable(NetworkNode node, TextWriter output)
    {
        output.WriteLine("Prefix               Next Hop             Interface");
        foreach (var entry in node.Fib.Entries().OrderBy(e => e.Prefix.Network).ThenBy(e => e.Prefix.Length))
        {
            string nextHop = entry.Kind switch
            {
                FibEntryKind.Receive => "receive",
                FibEntryKind.Attached or FibEntryKind.Discard => "attached",
                _ => entry.NextHop.ToString(),
            };
            string name = entry.Kind == FibEntryKind.Discard
                ? "Null0"
                : entry.Interface?.Name ?? "";
            output.WriteLine($"{entry.Prefix,-21}{nextHop,-21}{name}");
        }
    }

    private static void WriteCefEntry(NetworkNode node, Ipv4Address address, TextWriter output)
    {
        var entry = node.Fib.Lookup(address);
        if (entry is null)
        {
            output.WriteLine("0.0.0.0/0");
            output.WriteLine("  no route");
            return;
        }

        output.WriteLine(entry.Prefix.ToString());
        output.WriteLine(entry.Kind switch
        {
            FibEntryKind.Receive => $"  receive for {entry.Interface?.Name}",
            FibEntryKind.Attached => $"  attached to {entry.Interface?.Name}",
            FibEntryKind.Discard => "  attached to Null0",
            _ => $"  nexthop {entry.NextHop} {entry.Interface?.Name}",
        });
    }

    private static void WriteAdjacencies(NetworkNode node, Ipv4Address? filter, TextWriter output)
    {
        output.WriteLine("Protocol Interface                 Address");
        foreach (var networkInterface in node.Interfaces)
        {
            foreach (var address in NeighbourAddresses(networkInterface))
            {
                if (filter is { } only && only != address)
                    continue;

                output.WriteLine($"IP       {networkInterface.Name,-26}{address}({networkInterface.Index})");
            }
        }
    }

    private static IEnumerable<Ipv4Address> NeighbourAddresses(NetworkInterface networkInterface)
    {
        switch (networkInterface)
        {
            case EthernetInterface ethernet:
                foreach (var entry in ethernet.Arp.Entries.Values.OrderBy(e => e.Address))
                {
                    if (entry.IsComplete)
                        yield return entry.Address;
                }

                break;
            case TunnelInterface { Resolver: { } resolver } tunnel:
                foreach (var (nextHop, _) in resolver.ResolvedNextHops(tunnel).OrderBy(m => m.NextHop))
                    yield return nextHop;
                break;
        }
    }

    private static void WriteArp(NetworkNode node, TextWriter output)
    {
        output.WriteLine("Protocol  Address          Age (min)  Hardware Addr   Type   Interface");
        long now = node.Scheduler.NowNanoseconds;
        foreach (var networkInterface in node.Interfaces)
        {
            if (networkInterface is not EthernetInterface ethernet)
                continue;

            var rows = new List<(Ipv4Address Address, string Age, MacAddress Mac)>();
            if (ethernet.HasAddress)
                rows.Add((ethernet.Address, "-", ethernet.Mac));
            foreach (var entry in ethernet.Arp.Entries.Values)
            {
                if (entry.IsComplete)
                    rows.Add((entry.Address,
                        ((now - entry.LearnedAtNanoseconds) / 60_000_000_000L).ToString(), entry.Mac));
            }

            foreach (var (address, age, mac) in rows.OrderBy(r => r.Address))
            {
                output.WriteLine($"Internet  {address,-17}{age,9}   {mac.ToCiscoString()}  ARPA   " +
                                 ethernet.Name);
            }
        }
    }
}

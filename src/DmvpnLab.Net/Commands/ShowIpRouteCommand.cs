using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// `show ip route`, `show ip route {connected|static|eigrp [N]|nhrp}` and
/// `show ip route A.B.C.D`, in IOS 15's layout: the codes legend, the gateway of last
/// resort, routes grouped under their classful network. A filtered table keeps the legend
/// and gateway lines and prints only its routes; as IOS does, a group header still counts
/// every subnet of the classful network, and a group with none of its routes is left out.
/// </summary>
public static class ShowIpRouteCommand
{
    private const string Legend =
        """
        Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP
               D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area 
               N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2
               E1 - OSPF external type 1, E2 - OSPF external type 2
               i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2
               ia - IS-IS inter area, * - candidate default, U - per-user static route
               o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP
               a - application route
               + - replicated route, % - next hop override, p - overrides from PfR
        """;

    public static void Register(CliModes modes)
    {
        modes.UserExec.Commands.Register("show ip route", context =>
        {
            WriteTable(context.Node(), context.Output);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route connected", context =>
        {
            WriteTable(context.Node(), context.Output,
                r => r.Source is RouteSource.Connected or RouteSource.Local);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route static", context =>
        {
            WriteTable(context.Node(), context.Output, r => r.Source == RouteSource.Static);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route nhrp", context =>
        {
            WriteTable(context.Node(), context.Output, r => r.Source == RouteSource.Nhrp);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route eigrp [<1-65535:as>]", context =>
        {
            int? process = context.Find("as") is { } number ? (int)number.Number : null;
            WriteTable(context.Node(), context.Output,
                r => r.Source is RouteSource.Eigrp or RouteSource.EigrpExternal &&
                     (process is null || r.ProcessId == process));
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route next-hop-override", context =>
        {
            WriteTable(context.Node(), context.Output, withOverrides: true);
            return CommandResult.Ok;
        });
        modes.UserExec.Commands.Register("show ip route <A.B.C.D:address>", context =>
        {
            WriteEntry(context.Node(), context.Ipv4("address"), context.Output);
            return CommandResult.Ok;
        });
    }

    public static void WriteTable(NetworkNode node, TextWriter output,
        Func<Route, bool>? filter = null, bool withOverrides = false)
    {
        output.WriteLine(Legend.Replace("\r", ""));
        output.WriteLine();
        var defaultRoutes = node.Rib.Best(new Prefix(Ipv4Address.Any, 0));
        output.WriteLine(defaultRoutes.Count > 0 && defaultRoutes[0].NextHop is { } gateway
            ? $"Gateway of last resort is {gateway} to network 0.0.0.0"
            : "Gateway of last resort is not set");
        output.WriteLine();

        var installed = node.Rib.InstalledRoutes().ToList();
        foreach (var group in installed.GroupBy(r => ClassfulNetwork(r.Prefix.Network)))
        {
            var routes = group.ToList();
            int classfulLength = group.Key.Length;
            bool flat = routes.All(r => r.Prefix.Length == classfulLength) ||
                        classfulLength == 0 || routes.Any(r => r.Prefix.Length < classfulLength);
            var shown = filter is null
                ? routes
                : routes.Where(r => filter(r.Routes[0])).ToList();
            if (shown.Count == 0)
                continue;

            if (!flat)
                WriteGroupHeader(output, group.Key, routes);

            foreach (var (prefix, candidates) in shown)
                WriteRouteLine(node, output, prefix, candidates[0], indent: !flat, withOverrides);
        }
    }

    private static void WriteGroupHeader(TextWriter output, Prefix classful,
        List<(Prefix Prefix, IReadOnlyList<Route> Routes)> routes)
    {
        int masks = routes.Select(r => r.Prefix.Length).Distinct().Count();
        if (masks == 1)
        {
            output.WriteLine($"      {classful.Network}/{routes[0].Prefix.Length} is subnetted, " +
                             $"{routes.Count} subnets");
            return;
        }

        output.WriteLine($"      {classful} is variably subnetted, {routes.Count} subnets, " +
                         $"{masks} masks");
    }

    private static void WriteRouteLine(NetworkNode node, TextWriter output, Prefix prefix,
        Route route, bool indent, bool withOverrides)
    {
        string code = RouteSourceText.Code(route.Source);
        if (prefix.Length == 0)
            code += "*";

        // IOS marks an overridden route with `%` in the fifth column (phase 3 DMVPN).
        var nho = OverrideInForce(node, prefix, route);
        if (nho is not null)
            code = code.PadRight(4) + "%";

        int width = indent ? 9 : 6;
        string column = code.PadRight(width);
        string age = Age(node, route.InstalledAtNanoseconds);
        string where = route switch
        {
            { IsSummary: true } => $"is a summary, {age}, Null0",
            // IOS prints the age of NHRP's `H` routes, not of connected ones.
            { NextHop: null, Source: RouteSource.Nhrp } =>
                $"is directly connected, {age}, {route.Interface?.Name}",
            { NextHop: null } => $"is directly connected, {route.Interface?.Name}",
            { Source: RouteSource.Static, Interface: null } =>
                $"[{route.Distance}/{route.Metric}] via {route.NextHop}",
            { Source: RouteSource.Static } =>
                $"[{route.Distance}/{route.Metric}] via {route.NextHop}, {route.Interface!.Name}",
            _ => $"[{route.Distance}/{route.Metric}] via {route.NextHop}, {age}, {route.Interface?.Name}",
        };
        output.WriteLine($"{column}{prefix} {where}");
        if (withOverrides && nho is not null)
        {
            output.WriteLine(new string(' ', width + prefix.ToString().Length + 1) +
                $"[NHO][{route.Distance}/{nho.Metric}] via {nho.NextHop}, " +
                $"{Age(node, nho.InstalledAtNanoseconds)}, {nho.Interface.Name}");
        }
    }

    private static string Age(NetworkNode node, long sinceNanoseconds) =>
        IosTime.FormatUptime(
            TimeSpan.FromTicks((node.Scheduler.NowNanoseconds - sinceNanoseconds) / 100));

    /// <summary>The override the FIB applied to this route, if any.</summary>
    private static NextHopOverride? OverrideInForce(NetworkNode node, Prefix prefix, Route route)
    {
        if (node.Rib.NextHopOverrides.Count == 0)
            return null;

        var entry = node.Fib.Lookup(prefix.Network);
        if (entry is null || entry.Prefix != prefix || entry.Route != route)
            return null;

        var nho = node.Rib.NextHopOverrides.For(prefix, entry.Interface);
        return nho is not null && nho.NextHop == entry.NextHop ? nho : null;
    }

    /// <summary>The class A/B/C network an address belongs to (RFC 791's classes).</summary>
    public static Prefix ClassfulNetwork(Ipv4Address address)
    {
        uint first = address.Value >> 24;
        int length = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 0;
        return length == 0 ? new Prefix(Ipv4Address.Any, 0) : new Prefix(address, length);
    }

    public static void WriteEntry(NetworkNode node, Ipv4Address address, TextWriter output)
    {
        var match = node.Rib.LongestMatch(address, allowDefault: address.IsAny);
        if (match is null)
        {
            var classful = ClassfulNetwork(address);
            bool majorKnown = node.Rib.InstalledRoutes()
                .Any(r => ClassfulNetwork(r.Prefix.Network) == classful);
            output.WriteLine(majorKnown ? "% Subnet not in table" : "% Network not in table");
            return;
        }

        var (prefix, routes) = match.Value;
        var route = routes[0];
        bool supernet = prefix.Length < ClassfulNetwork(prefix.Network).Length ||
                        prefix.Length == 0;
        output.WriteLine($"Routing entry for {prefix}{(supernet ? ", supernet" : "")}");

        string knownVia = RouteSourceText.KnownVia(route.Source, route.ProcessId);
        string extra = route.Source switch
        {
            RouteSource.Connected or RouteSource.Local => " (connected, via interface)",
            RouteSource.Eigrp => ", type internal",
            RouteSource.EigrpExternal => ", type external",
            _ => "",
        };
        if (prefix.Length == 0)
            extra += ", candidate default path";

        output.WriteLine($"  Known via \"{knownVia}\", distance {route.Distance}, " +
                         $"metric {route.Metric}{extra}");
        if (route.Source is RouteSource.Eigrp or RouteSource.EigrpExternal)
            output.WriteLine($"  Redistributing via {knownVia}");
        WriteDescriptorBlocks(node, output, routes);
    }

    private static void WriteDescriptorBlocks(NetworkNode node, TextWriter output,
        IReadOnlyList<Route> routes)
    {
        var first = routes[0];
        bool dynamic = first.Source is RouteSource.Eigrp or RouteSource.EigrpExternal
            or RouteSource.Nhrp;
        string ago = IosTime.FormatUptime(
            TimeSpan.FromTicks((node.Scheduler.NowNanoseconds - first.InstalledAtNanoseconds) / 100));
        if (dynamic && !first.IsSummary)
            output.WriteLine($"  Last update from {first.NextHop} on {first.Interface?.Name}, {ago} ago");

        output.WriteLine("  Routing Descriptor Blocks:");
        foreach (var route in routes)
        {
            string line = route switch
            {
                { IsSummary: true } => "  * directly connected, via Null0",
                { NextHop: null } => $"  * directly connected, via {route.Interface?.Name}",
                _ when dynamic =>
                    $"  * {route.NextHop}, from {route.From ?? route.NextHop}, {ago} ago, via {route.Interface?.Name}",
                { Interface: null } => $"  * {route.NextHop}",
                _ => $"  * {route.NextHop}, via {route.Interface.Name}",
            };
            output.WriteLine(line);
            output.WriteLine($"      Route metric is {route.Metric}, traffic share count is 1");
            foreach (string detail in route.DescriptorDetails ?? [])
                output.WriteLine($"      {detail}");
        }
    }
}

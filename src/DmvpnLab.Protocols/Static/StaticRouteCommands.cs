using DmvpnLab.Ios;
using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Static;

/// <summary>
/// `ip route PREFIX MASK {NEXT-HOP | INTERFACE [NEXT-HOP]} [DISTANCE]`: static routes,
/// offered to the RIB at distance 1 unless told otherwise.
/// </summary>
public static class StaticRouteCommands
{
    /// <summary>Writes the `ip route` lines of `show running-config`.</summary>
    public static void WriteRunningConfig(NetworkNode node, RunningConfigBuilder builder)
    {
        var section = builder.Section(RunningConfigOrder.IpStatic, null);
        foreach (var (prefix, routes) in node.Rib.AllRoutes(RouteSource.Static))
        {
            foreach (var route in routes)
            {
                string via = (route.Interface, route.NextHop) switch
                {
                    ({ } exit, { } hop) => $"{exit.Name} {hop}",
                    ({ } exit, null) => exit.Name,
                    (null, { } hop) => hop.ToString(),
                    _ => "",
                };
                string distance = route.Distance == 1 ? "" : $" {route.Distance}";
                section.Add($"ip route {prefix.Network} {prefix.Mask} {via}{distance}");
            }
        }
    }

    public static void Register(CliModes modes)
    {
        var commands = modes.GlobalConfig.Commands;
        commands.Register(
            "ip route <A.B.C.D:prefix> <A.B.C.D:mask> <A.B.C.D:next-hop> [<1-255:distance>]",
            context => Apply(context, viaInterface: false));
        commands.Register(
            "ip route <A.B.C.D:prefix> <A.B.C.D:mask> <IFNAME:interface> [<A.B.C.D:next-hop>] " +
            "[<1-255:distance>]",
            context => Apply(context, viaInterface: true));
    }

    private static CommandResult Apply(CommandContext context, bool viaInterface)
    {
        var node = context.Node();
        var mask = context.Ipv4("mask");
        int length = Ipv4Address.MaskToPrefixLength(mask);
        if (length < 0)
            return CommandResult.Error("%Inconsistent address and mask");

        var address = context.Ipv4("prefix");
        if (address.Network(length) != address)
            return CommandResult.Error("%Inconsistent address and mask");

        var prefix = new Prefix(address, length);
        Ipv4Address? nextHop = context.Find("next-hop") is { } hop ? new Ipv4Address(hop.Ipv4Value) : null;
        NetworkInterface? exit = null;
        if (viaInterface)
        {
            exit = node.FindInterface(context["interface"].Text);
            if (exit is null)
                return CommandResult.Error("% Invalid input detected at '^' marker.");
        }

        if (context.Negated)
        {
            node.Rib.Remove(prefix, r => r.Source == RouteSource.Static &&
                r.NextHop == nextHop && r.Interface == exit);
            return CommandResult.Ok;
        }

        if (nextHop is { } hopAddress && (node.IsLocalAddress(hopAddress) || hopAddress.IsAny))
            return CommandResult.Error("%Invalid next hop address (it's this router)");

        byte distance = context.Find("distance") is { } d ? (byte)d.Number : (byte)1;
        node.Rib.Add(new Route(prefix, RouteSource.Static, distance, 0, nextHop, exit,
            node.Scheduler.NowNanoseconds));
        return CommandResult.Ok;
    }
}

using DmvpnLab.Ios;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Tunnels;

namespace DmvpnLab.Protocols.Gre;

/// <summary>The `tunnel …` interface commands, and creation of Tunnel interfaces.</summary>
public static class GreCommands
{
    /// <summary>IOS numbers tunnels 0 to 2147483647.</summary>
    public static NetworkInterface? CreateTunnel(NetworkNode node, string name) =>
        name.StartsWith("Tunnel", StringComparison.Ordinal) &&
        int.TryParse(name.AsSpan("Tunnel".Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out _)
            ? new GreTunnelInterface(node, name)
            : null;

    public static void Register(CliModes modes)
    {
        var commands = modes.Get(NetCliModes.Interface).Commands;

        commands.Register("tunnel source <IFNAME:interface>", context =>
        {
            if (Tunnel(context) is not { } tunnel)
                return NotATunnel();

            if (context.Negated)
            {
                tunnel.SetSource(null);
                return CommandResult.Ok;
            }

            var source = context.Node().FindInterface(context["interface"].Text);
            if (source is null)
                return CommandResult.Error("% Invalid input detected at '^' marker.");

            // A tunnel whose source chain comes back to itself could never come up.
            for (var hop = source; hop is not null; hop = (hop as TunnelInterface)?.SourceInterface)
            {
                if (ReferenceEquals(hop, tunnel))
                    return CommandResult.Error($"% {tunnel.Name} cannot be sourced from itself");
            }

            tunnel.SetSource(source);
            return CommandResult.Ok;
        });

        commands.Register("tunnel destination <A.B.C.D:address>", context =>
        {
            if (Tunnel(context) is not { } tunnel)
                return NotATunnel();

            tunnel.Destination = context.Negated ? null : context.Ipv4("address");
            context.Node().OnInterfaceChanged(tunnel);
            return CommandResult.Ok;
        });

        commands.Register("tunnel mode gre {multipoint|ip}", context =>
        {
            if (Tunnel(context) is not { } tunnel)
                return NotATunnel();

            tunnel.Mode = !context.Negated && context.Has("multipoint")
                ? TunnelMode.GreMultipoint
                : TunnelMode.GreIp;
            context.Node().OnInterfaceChanged(tunnel);
            return CommandResult.Ok;
        });

        commands.Register("tunnel key <0-4294967295:key>", context =>
        {
            if (Tunnel(context) is not { } tunnel)
                return NotATunnel();

            tunnel.Key = context.Negated ? null : (uint)context["key"].Number;
            return CommandResult.Ok;
        });

        commands.Register("keepalive [<0-32767:period> [<1-255:retries>]]", context =>
        {
            if (Tunnel(context) is not { } tunnel)
                return CommandResult.Ok;

            tunnel.Keepalive = context.Negated
                ? null
                : ((int)(context.Find("period")?.Number ?? 10),
                   (int)(context.Find("retries")?.Number ?? 3));
            return CommandResult.Ok;
        });
    }

    private static GreTunnelInterface? Tunnel(CommandContext context) =>
        context.Interface() as GreTunnelInterface;

    private static CommandResult NotATunnel() =>
        CommandResult.Error("% Invalid input detected at '^' marker.");
}

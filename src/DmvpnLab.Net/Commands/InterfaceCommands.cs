using DmvpnLab.Ios;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// `hostname`, `interface` and the interface commands every IOS interface has:
/// address, shutdown, description, bandwidth, delay, ip mtu, load-interval.
/// </summary>
public static class InterfaceCommands
{
    public static CliMode Register(CliModes modes)
    {
        var global = modes.GlobalConfig;
        var interfaceMode = modes.Register(NetCliModes.Interface);

        global.Commands.Register("hostname <WORD>", context =>
        {
            context.Node().Hostname = context[0].Text;
            context.State.Device.Hostname = context[0].Text;
            return CommandResult.Ok;
        }, allowsNo: false);

        global.Commands.Register("interface <IFNAME>", context =>
        {
            var node = context.Node();
            string name = context[0].Text;
            var found = node.FindInterface(name) ?? CreateVirtual(node, name);
            return found is null
                ? CommandResult.Error("% Invalid input detected at '^' marker.")
                : CommandResult.Enter(interfaceMode, found);
        });

        RegisterInterfaceMode(interfaceMode);
        return interfaceMode;
    }

    private static NetworkInterface? CreateVirtual(NetworkNode node, string name)
    {
        if (name.StartsWith("Loopback", StringComparison.Ordinal))
            return node.AddInterface(new LoopbackInterface(node, name));

        var created = node.VirtualInterfaceFactory?.Invoke(node, name);
        return created is null ? null : node.AddInterface(created);
    }

    private static void RegisterInterfaceMode(CliMode mode)
    {
        var commands = mode.Commands;
        commands.Register("ip address <A.B.C.D:address> <A.B.C.D:mask>", context =>
        {
            var networkInterface = context.Interface();
            if (context.Negated || context.Defaulted)
            {
                networkInterface.ClearAddress();
                return CommandResult.Ok;
            }

            var mask = context.Ipv4("mask");
            int prefixLength = Ipv4Address.MaskToPrefixLength(mask);
            if (prefixLength < 0 || Ipv4Address.PrefixLengthToMask(prefixLength) != mask)
                return CommandResult.Error($"Bad mask /{mask} for address {context.Ipv4("address")}");

            networkInterface.SetAddress(context.Ipv4("address"), prefixLength);
            return CommandResult.Ok;
        });

        commands.Register("shutdown", context =>
        {
            context.Interface().SetAdminUp(context.Negated);
            return CommandResult.Ok;
        });

        commands.Register("description <LINE>", context =>
        {
            context.Interface().Description = context.Negated ? null : context[0].Text;
            return CommandResult.Ok;
        });

        commands.Register("bandwidth <1-10000000>", context =>
        {
            context.Interface().ConfiguredBandwidthKilobits =
                context.Negated || context.Defaulted ? null : (int)context[0].Number;
            context.Node().OnInterfaceChanged(context.Interface());
            return CommandResult.Ok;
        });

        // `delay` is in tens of microseconds; `show interfaces` prints microseconds.
        commands.Register("delay <1-16777215>", context =>
        {
            context.Interface().ConfiguredDelayMicroseconds =
                context.Negated || context.Defaulted ? null : (int)context[0].Number * 10;
            context.Node().OnInterfaceChanged(context.Interface());
            return CommandResult.Ok;
        });

        commands.Register("ip mtu <68-17912>", context =>
        {
            context.Interface().ConfiguredIpMtu =
                context.Negated || context.Defaulted ? null : (int)context[0].Number;
            return CommandResult.Ok;
        });

        commands.Register("ip redirects", context =>
        {
            context.Interface().IpRedirects = !context.Negated;
            return CommandResult.Ok;
        });

        commands.Register("ip tcp adjust-mss <500-1460>", context =>
        {
            context.Interface().TcpAdjustMss =
                context.Negated || context.Defaulted ? null : (int)context[0].Number;
            return CommandResult.Ok;
        });

        commands.Register("load-interval <30-600>", context =>
        {
            int seconds = context.Negated || context.Defaulted ? 300 : (int)context[0].Number;
            if (seconds % 30 != 0)
                return CommandResult.Error("% Load interval must be a multiple of 30");

            context.Interface().LoadIntervalSeconds = seconds;
            return CommandResult.Ok;
        });
    }
}

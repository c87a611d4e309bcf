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

    /// <summary>
    /// RFC 1122 3.2.1.3: not 0.0.0.0, not class D/E, and on a subnet larger than /31 not
    /// the subnet's network or broadcast address.
    /// </summary>
    private static bool IsValidHostAddress(Ipv4Address address, int prefixLength)
    {
        if (address.IsAny || address.Value >= 0xE000_0000 || (address.Value >> 24) == 127)
            return false;

        if (prefixLength >= 31)
            return true;

        uint host = address.Value & ~Ipv4Address.PrefixLengthToMask(prefixLength).Value;
        return host != 0 && host != ~Ipv4Address.PrefixLengthToMask(prefixLength).Value;
    }

    /// <summary>IOS refuses a subnet that overlaps another interface's.</summary>
    private static NetworkInterface? OverlappingInterface(NetworkNode node,
        NetworkInterface target, Ipv4Address address, int prefixLength)
    {
        foreach (var other in node.Interfaces)
        {
            if (other == target || !other.HasAddress)
                continue;

            int shorter = Math.Min(prefixLength, other.PrefixLength);
            if (address.Network(shorter) == other.Address.Network(shorter))
                return other;
        }

        return null;
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

            var address = context.Ipv4("address");
            var mask = context.Ipv4("mask");
            int prefixLength = Ipv4Address.MaskToPrefixLength(mask);
            if (prefixLength < 1 || Ipv4Address.PrefixLengthToMask(prefixLength) != mask)
                return CommandResult.Error($"Bad mask 0x{mask.Value:X} for address {address}");

            if (!IsValidHostAddress(address, prefixLength))
                return CommandResult.Error($"Not a valid host address - {address}");

            if (OverlappingInterface(context.Node(), networkInterface, address, prefixLength)
                is { } other)
                return CommandResult.Error(
                    $"% {address.Network(prefixLength)} overlaps with {other.Name}");

            networkInterface.SetAddress(address, prefixLength);
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

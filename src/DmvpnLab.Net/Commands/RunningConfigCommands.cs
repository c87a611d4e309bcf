using DmvpnLab.Ios;
using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// `show running-config [interface NAME]`: every layer writes its part through
/// <see cref="NetworkNode.RunningConfigWriters"/>; Net writes the hostname and the
/// interfaces' own lines.
/// </summary>
public static class RunningConfigCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.PrivilegedExec.Commands;
        commands.Register("show running-config", context =>
        {
            context.Output.Write(Build(context.Node()).Render());
            return CommandResult.Ok;
        }, allowsNo: false);
        commands.Register("show running-config interface <IFNAME:name>", context =>
        {
            var node = context.Node();
            var found = node.FindInterface(context["name"].Text);
            if (found is null)
                return CommandResult.Error("% Invalid input detected at '^' marker.");

            string body = InterfaceBlock(Build(node).RenderBody(), found.Name);
            context.Output.Write("Building configuration...\n\n");
            context.Output.Write($"Current configuration : {body.Length} bytes\n!\n{body}end\n");
            return CommandResult.Ok;
        }, allowsNo: false);
    }

    public static RunningConfigBuilder Build(NetworkNode node)
    {
        var builder = new RunningConfigBuilder();
        builder.Section(RunningConfigOrder.Version, null).Add("version 15.6");
        builder.Section(RunningConfigOrder.Hostname, null).Add($"hostname {node.Hostname}");
        foreach (var networkInterface in node.Interfaces)
            WriteInterface(builder, networkInterface);

        foreach (var writer in node.RunningConfigWriters)
            writer(builder);

        return builder;
    }

    public static ConfigSection InterfaceSection(RunningConfigBuilder builder,
        NetworkInterface networkInterface) =>
        builder.Section(RunningConfigOrder.Interface + networkInterface.Index,
            $"interface {networkInterface.Name}");

    private static void WriteInterface(RunningConfigBuilder builder, NetworkInterface networkInterface)
    {
        var section = InterfaceSection(builder, networkInterface);
        if (networkInterface.Description is { } description)
            section.Add($"description {description}", InterfaceConfigLineOrder.Description);
        if (networkInterface.ConfiguredBandwidthKilobits is { } bandwidth)
            section.Add($"bandwidth {bandwidth}", InterfaceConfigLineOrder.Bandwidth);

        section.Add(networkInterface.HasAddress
            ? $"ip address {networkInterface.Address} {networkInterface.Mask}"
            : "no ip address", InterfaceConfigLineOrder.IpAddress);

        if (!networkInterface.IpRedirects)
            section.Add("no ip redirects", InterfaceConfigLineOrder.IpRedirects);
        if (networkInterface.ConfiguredIpMtu is { } mtu)
            section.Add($"ip mtu {mtu}", InterfaceConfigLineOrder.IpMtu);
        if (networkInterface.TcpAdjustMss is { } mss)
            section.Add($"ip tcp adjust-mss {mss}", InterfaceConfigLineOrder.TcpAdjustMss);
        if (networkInterface.LoadIntervalSeconds != 300)
            section.Add($"load-interval {networkInterface.LoadIntervalSeconds}",
                InterfaceConfigLineOrder.LoadInterval);
        if (networkInterface.ConfiguredDelayMicroseconds is { } delay)
            section.Add($"delay {delay / 10}", InterfaceConfigLineOrder.Delay);
        if (!networkInterface.AdminUp)
            section.Add("shutdown", InterfaceConfigLineOrder.Shutdown);

        if (networkInterface is EthernetInterface)
        {
            section.Add("duplex auto", InterfaceConfigLineOrder.Hardware);
            section.Add("speed auto", InterfaceConfigLineOrder.Hardware);
            section.Add("media-type rj45", InterfaceConfigLineOrder.Hardware);
        }
    }

    /// <summary>Cuts one interface block out of the rendered body.</summary>
    private static string InterfaceBlock(string body, string name)
    {
        string header = $"interface {name}\n";
        int start = body.IndexOf(header, StringComparison.Ordinal);
        if (start < 0)
            return "";

        int end = body.IndexOf("!\n", start, StringComparison.Ordinal);
        return body[start..(end < 0 ? body.Length : end + 2)];
    }
}

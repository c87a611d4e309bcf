using DmvpnLab.Ios;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>What every command handler of a router needs to find its node and arguments.</summary>
public static class CommandContextExtensions
{
    /// <summary>The router the command runs on: the owner of its CLI device.</summary>
    public static NetworkNode Node(this CommandContext context) =>
        (NetworkNode)context.State.Device.Owner!;

    /// <summary>The interface a config-if command works on.</summary>
    public static NetworkInterface Interface(this CommandContext context) =>
        context.ModeContextAs<NetworkInterface>();

    public static Ipv4Address Ipv4(this CommandContext context, string name) =>
        new(context[name].Ipv4Value);

    public static Ipv4Address Ipv4(this CommandContext context, int index) =>
        new(context[index].Ipv4Value);
}

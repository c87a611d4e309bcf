using DmvpnLab.Ios;
using DmvpnLab.Net.Commands;
using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Protocols.Static;

namespace DmvpnLab.Lab.Nodes;

/// <summary>
/// The command tree every emulated IOS router shares: each layer registers its own
/// commands once, and handlers find their router through the CLI device's owner, so
/// ten thousand spokes cost one tree.
/// </summary>
public static class IosCommandSet
{
    private static readonly Lazy<CliModes> Shared = new(Build);

    public static CliModes Modes => Shared.Value;

    private static CliModes Build()
    {
        var modes = new CliModes();
        InterfaceCommands.Register(modes);
        ShowIpRouteCommand.Register(modes);
        ShowInterfacesCommands.Register(modes);
        PingCommand.Register(modes);
        TracerouteCommand.Register(modes);
        DebugCommands.Register(modes);
        CefCommands.Register(modes);
        RunningConfigCommands.Register(modes);
        StaticRouteCommands.Register(modes);
        GreCommands.Register(modes);
        EigrpCommands.Register(modes);
        NhrpCommandSet.Register(modes);
        IpsecCommands.RegisterAll(modes);
        return modes;
    }
}

using DmvpnLab.Ios;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>Every NHRP and DMVPN command, registered with one call.</summary>
public static class NhrpCommandSet
{
    public static void Register(CliModes modes)
    {
        NhrpConfigCommands.Register(modes);
        NhrpShowCommands.Register(modes);
        DmvpnShowCommands.Register(modes);
        NhrpExecCommands.Register(modes);
    }
}

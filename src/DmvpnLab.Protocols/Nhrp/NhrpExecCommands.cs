using DmvpnLab.Ios;
using DmvpnLab.Net.Commands;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>`debug nhrp [packet]`, `undebug nhrp [packet]` and `clear ip nhrp`.</summary>
public static class NhrpExecCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.PrivilegedExec.Commands;

        commands.Register("debug nhrp", context =>
        {
            context.Node().Log.EnableDebug(NhrpDebug.Category);
            context.Output.WriteLine("NHRP protocol debugging is on");
            return CommandResult.Ok;
        });

        commands.Register("debug nhrp packet", context =>
        {
            context.Node().Log.EnableDebug(NhrpDebug.PacketCategory);
            context.Output.WriteLine("NHRP activity debugging is on");
            return CommandResult.Ok;
        });

        commands.Register("undebug nhrp", context =>
        {
            context.Node().Log.DisableDebug(NhrpDebug.Category);
            context.Output.WriteLine("NHRP protocol debugging is off");
            return CommandResult.Ok;
        });

        commands.Register("undebug nhrp packet", context =>
        {
            context.Node().Log.DisableDebug(NhrpDebug.PacketCategory);
            context.Output.WriteLine("NHRP activity debugging is off");
            return CommandResult.Ok;
        });

        commands.Register("clear ip nhrp", context =>
        {
            foreach (var nhrp in NhrpProtocol.For(context.Node()).Interfaces)
                nhrp.ClearDynamic();

            return CommandResult.Ok;
        });
    }
}

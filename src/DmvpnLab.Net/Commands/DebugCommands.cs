using DmvpnLab.Ios;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// `debug ip packet`, `undebug all`, `no debug all` and `show debugging`. Protocols
/// register their own `debug …` commands; all of them switch categories of the node's
/// log on and off, and nothing is formatted while a category is off.
/// </summary>
public static class DebugCommands
{
    public const string IpPacket = "ip packet";

    public static void Register(CliModes modes)
    {
        var exec = modes.PrivilegedExec.Commands;
        exec.Register("debug ip packet", context =>
        {
            var node = context.Node();
            if (context.Negated)
            {
                node.Log.DisableDebug(IpPacket);
                node.Ipv4.PacketTrace = null;
                return CommandResult.Ok;
            }

            node.Log.EnableDebug(IpPacket);
            node.Ipv4.PacketTrace = message => node.Log.Debug(IpPacket, message);
            context.Output.WriteLine("IP packet debugging is on");
            return CommandResult.Ok;
        });

        exec.Register("undebug all", context => DisableAll(context), allowsNo: false);
        exec.Register("debug all", context =>
        {
            if (!context.Negated)
                return CommandResult.Error("% debug all is not supported here: it would flood the lab");

            return DisableAll(context);
        });

        exec.Register("show debugging", context =>
        {
            var log = context.Node().Log;
            foreach (string category in log.EnabledDebugs.OrderBy(c => c, StringComparer.Ordinal))
                context.Output.WriteLine($"  {category} debugging is on");
            return CommandResult.Ok;
        }, allowsNo: false);
    }

    private static CommandResult DisableAll(CommandContext context)
    {
        var node = context.Node();
        node.Log.DisableAllDebugs();
        node.Ipv4.PacketTrace = null;
        context.Output.WriteLine("All possible debugging has been turned off");
        return CommandResult.Ok;
    }
}

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
            WriteDebugging(context.Node().Log, context.Output);
            return CommandResult.Ok;
        }, allowsNo: false);
    }

    /// <summary>
    /// IOS groups `show debugging` by subsystem, each with a heading and one line per
    /// category: "NHRP:" / "  NHRP protocol debugging is on".
    /// </summary>
    private static void WriteDebugging(NodeLog log, TextWriter output)
    {
        var groups = log.EnabledDebugs
            .Select(Describe)
            .GroupBy(d => d.Heading)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            output.WriteLine($"{group.Key}:");
            foreach (var (_, line) in group.OrderBy(d => d.Line, StringComparer.Ordinal))
                output.WriteLine($"  {line}");
        }
    }

    private static (string Heading, string Line) Describe(string category) => category switch
    {
        IpPacket => ("Generic IP", "IP packet debugging is on"),
        "nhrp" => ("NHRP", "NHRP protocol debugging is on"),
        "nhrp packet" => ("NHRP", "NHRP activity debugging is on"),
        "crypto isakmp" => ("Cryptographic Subsystem", "Crypto ISAKMP debugging is on"),
        "crypto ipsec" => ("Cryptographic Subsystem", "Crypto IPSEC debugging is on"),
        "eigrp packets" => ("EIGRP", "EIGRP Packet debugging is on"),
        _ => ("Other", $"{category} debugging is on"),
    };

    private static CommandResult DisableAll(CommandContext context)
    {
        var node = context.Node();
        node.Log.DisableAllDebugs();
        node.Ipv4.PacketTrace = null;
        context.Output.WriteLine("All possible debugging has been turned off");
        return CommandResult.Ok;
    }
}

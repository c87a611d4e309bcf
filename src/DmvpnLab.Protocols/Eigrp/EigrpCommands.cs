using DmvpnLab.Ios;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// EIGRP's configuration commands: `router eigrp N` and its config-router lines
/// (`network`, `[no] auto-summary`, `eigrp router-id`, `passive-interface`), and the
/// interface lines `ip hello-interval eigrp`, `ip hold-time eigrp`,
/// `[no] ip split-horizon eigrp`, `[no] ip next-hop-self eigrp`,
/// `ip summary-address eigrp N A.B.C.D M.M.M.M`.
/// </summary>
public static class EigrpCommands
{
    /// <summary>IOS's mode for every `router …` process.</summary>
    public const string RouterMode = "config-router";

    public static void Register(CliModes modes)
    {
        var routerMode = modes.TryGet(RouterMode, out var existing)
            ? existing!
            : modes.Register(RouterMode);

        modes.GlobalConfig.Commands.Register("router eigrp <1-65535:as>", context =>
        {
            var protocol = EigrpProtocol.For(context.Node());
            int autonomousSystem = (int)context["as"].Number;
            if (context.Negated)
            {
                protocol.Remove(autonomousSystem);
                return CommandResult.Ok;
            }

            return CommandResult.Enter(routerMode, protocol.GetOrCreate(autonomousSystem));
        });

        RegisterRouterMode(routerMode.Commands);
        RegisterInterfaceMode(modes.Get(NetCliModes.Interface).Commands);
        EigrpShowCommands.Register(modes);
    }

    private static void RegisterRouterMode(CommandTree commands)
    {
        commands.Register("network <A.B.C.D:network> [<A.B.C.D:wildcard>]", context =>
        {
            if (context.ModeContext is not EigrpProcess process)
                return NotEigrp();

            Ipv4Address? wildcard = context.Find("wildcard") is { } bits
                ? new Ipv4Address(bits.Ipv4Value)
                : null;
            var statement = EigrpNetworkStatement.Create(context.Ipv4("network"), wildcard);
            if (context.Negated)
                process.RemoveNetwork(statement);
            else
                process.AddNetwork(statement);

            return CommandResult.Ok;
        });

        commands.Register("auto-summary", context =>
        {
            if (context.ModeContext is not EigrpProcess process)
                return NotEigrp();

            // Stored for `show ip protocols`; classful summarisation itself is not performed.
            process.AutoSummary = !context.Negated && !context.Defaulted;
            return CommandResult.Ok;
        });

        commands.Register("eigrp router-id <A.B.C.D:id>", context =>
        {
            if (context.ModeContext is not EigrpProcess process)
                return NotEigrp();

            if (context.Negated || context.Defaulted)
            {
                process.SetRouterId(null);
                return CommandResult.Ok;
            }

            var id = context.Ipv4("id");
            if (id.IsAny || id.IsBroadcast || id.IsMulticast)
                return CommandResult.Error("% Invalid router-id");

            process.SetRouterId(id);
            return CommandResult.Ok;
        });

        commands.Register("passive-interface <IFNAME:interface>", context =>
        {
            if (context.ModeContext is not EigrpProcess process)
                return NotEigrp();

            string name = context["interface"].Text;
            if (context.Node().FindInterface(name) is null)
                return CommandResult.Error("% Invalid input detected at '^' marker.");

            process.SetPassive(name, !context.Negated);
            return CommandResult.Ok;
        });
    }

    private static void RegisterInterfaceMode(CommandTree commands)
    {
        commands.Register("ip hello-interval eigrp <1-65535:as> <1-65535:seconds>", context =>
        {
            var settings = Settings(context);
            settings.HelloIntervalSeconds = context.Negated || context.Defaulted
                ? null
                : (int)context["seconds"].Number;
            return CommandResult.Ok;
        });

        commands.Register("ip hold-time eigrp <1-65535:as> <1-65535:seconds>", context =>
        {
            var settings = Settings(context);
            settings.HoldTimeSeconds = context.Negated || context.Defaulted
                ? null
                : (int)context["seconds"].Number;
            return CommandResult.Ok;
        });

        commands.Register("ip split-horizon eigrp <1-65535:as>", context =>
        {
            Settings(context).SplitHorizon = !context.Negated;
            Readvertise(context);
            return CommandResult.Ok;
        });

        commands.Register("ip next-hop-self eigrp <1-65535:as>", context =>
        {
            Settings(context).NextHopSelf = !context.Negated;
            Readvertise(context);
            return CommandResult.Ok;
        });

        commands.Register(
            "ip summary-address eigrp <1-65535:as> <A.B.C.D:network> <A.B.C.D:mask>", context =>
            {
                int length = Ipv4Address.MaskToPrefixLength(context.Ipv4("mask"));
                if (length < 0)
                    return CommandResult.Error("% Invalid input detected at '^' marker.");

                // IOS keeps the network with the host bits cleared: 10.1.1.1/8 is 10.0.0.0/8.
                var summary = new Prefix(context.Ipv4("network"), length);
                var summaries = Settings(context).Summaries;
                if (context.Negated || context.Defaulted)
                    summaries.Remove(summary);
                else if (!summaries.Contains(summary))
                    summaries.Add(summary);

                EigrpProtocol.For(context.Node()).Find((int)context["as"].Number)?
                    .OnSummaryConfigurationChanged();
                return CommandResult.Ok;
            });
    }

    private static EigrpInterfaceSettings Settings(CommandContext context) =>
        EigrpProtocol.For(context.Node()).Settings(context.Interface(),
            (int)context["as"].Number);

    private static void Readvertise(CommandContext context) =>
        EigrpProtocol.For(context.Node()).Find((int)context["as"].Number)?.Readvertise();

    private static CommandResult NotEigrp() =>
        CommandResult.Error("% Invalid input detected at '^' marker.");
}

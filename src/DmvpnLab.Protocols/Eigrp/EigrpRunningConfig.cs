using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net.Commands;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// EIGRP's part of `show running-config`. Interface lines go into each interface block
/// after `ip mtu` and before NHRP, in the order IOS 15 prints them: `ip hello-interval
/// eigrp`, `ip hold-time eigrp`, `no ip next-hop-self eigrp`, `no ip split-horizon eigrp`;
/// `ip summary-address eigrp` comes later, after `ip tcp adjust-mss`. Then one `router eigrp
/// N` block per process: `network` lines (classful ones without a wildcard), `auto-summary`
/// when turned on (IOS 15's default is off), `passive-interface`, `eigrp router-id`.
/// </summary>
internal static class EigrpRunningConfig
{
    public static void Write(EigrpProtocol protocol, RunningConfigBuilder builder)
    {
        WriteInterfaceLines(protocol, builder);
        foreach (var process in protocol.Processes.OrderBy(p => p.AutonomousSystem))
            WriteRouter(process, builder);
    }

    private static void WriteInterfaceLines(EigrpProtocol protocol, RunningConfigBuilder builder)
    {
        // Settings outlive a deleted tunnel, as IOS's do not: only present interfaces count.
        var present = protocol.Node.Interfaces.ToHashSet();
        var all = protocol.AllSettings.Where(s => present.Contains(s.Interface))
            .OrderBy(s => s.Interface.Index).ThenBy(s => s.AutonomousSystem).ToList();
        foreach (var (networkInterface, asn, settings) in all)
        {
            var section = RunningConfigCommands.InterfaceSection(builder, networkInterface);
            if (settings.HelloIntervalSeconds is { } hello)
            {
                section.Add($"ip hello-interval eigrp {asn} {hello}",
                    InterfaceConfigLineOrder.Eigrp);
            }
        }

        foreach (var (networkInterface, asn, settings) in all)
        {
            var section = RunningConfigCommands.InterfaceSection(builder, networkInterface);
            if (settings.HoldTimeSeconds is { } hold)
                section.Add($"ip hold-time eigrp {asn} {hold}", InterfaceConfigLineOrder.Eigrp);
        }

        foreach (var (networkInterface, asn, settings) in all)
        {
            var section = RunningConfigCommands.InterfaceSection(builder, networkInterface);
            if (!settings.NextHopSelf)
                section.Add($"no ip next-hop-self eigrp {asn}", InterfaceConfigLineOrder.Eigrp);
        }

        foreach (var (networkInterface, asn, settings) in all)
        {
            var section = RunningConfigCommands.InterfaceSection(builder, networkInterface);
            if (!settings.SplitHorizon)
                section.Add($"no ip split-horizon eigrp {asn}", InterfaceConfigLineOrder.Eigrp);

            foreach (var summary in settings.Summaries)
            {
                section.Add($"ip summary-address eigrp {asn} {summary.Network} {summary.Mask}",
                    InterfaceConfigLineOrder.EigrpSummary);
            }
        }
    }

    private static void WriteRouter(EigrpProcess process, RunningConfigBuilder builder)
    {
        var section = builder.Section(RunningConfigOrder.Router,
            $"router eigrp {process.AutonomousSystem}");
        var networks = process.Networks.OrderBy(n => n.Address)
            .ThenBy(n => n.Wildcard?.Value ?? 0);
        foreach (var network in networks)
        {
            section.Add(network.Wildcard is { } wildcard
                ? $"network {network.Address} {wildcard}"
                : $"network {network.Address}");
        }

        if (process.AutoSummary)
            section.Add("auto-summary");

        var node = process.Node;
        var passive = process.PassiveInterfaces
            .Select(name => node.FindInterface(name))
            .OfType<DmvpnLab.Net.Interfaces.NetworkInterface>()
            .OrderBy(i => i.Index);
        foreach (var networkInterface in passive)
            section.Add($"passive-interface {networkInterface.Name}");

        if (process.ConfiguredRouterId is { } routerId)
            section.Add($"eigrp router-id {routerId}");
    }
}

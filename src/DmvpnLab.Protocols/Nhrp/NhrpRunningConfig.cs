using System.Text;
using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net.Commands;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// The `ip nhrp …` lines of each tunnel in `show running-config`, in the order IOS 15
/// prints them: authentication, map, map multicast, network-id, holdtime, nhs,
/// registration, redirect, shortcut. Defaults are not printed, as IOS omits them.
/// </summary>
public static class NhrpRunningConfig
{
    public static void Write(NhrpProtocol protocol, RunningConfigBuilder builder)
    {
        foreach (var nhrp in protocol.Interfaces)
        {
            var lines = Lines(nhrp);
            if (lines.Count == 0)
                continue;

            var section = RunningConfigCommands.InterfaceSection(builder, nhrp.Tunnel);
            foreach (var line in lines)
                section.Add(line, InterfaceConfigLineOrder.Nhrp);
        }
    }

    public static List<string> Lines(NhrpInterface nhrp)
    {
        var config = nhrp.Config;
        var lines = new List<string>();
        if (config.Authentication is { } key)
            lines.Add($"ip nhrp authentication {Encoding.ASCII.GetString(key)}");

        // A mapping made by `ip nhrp nhs A nbma B [multicast]` is shown in that line only.
        foreach (var entry in nhrp.Cache.Ordered())
        {
            if (entry.Type == NhrpCacheEntryType.Static && entry.Nbma is { } nbma &&
                nhrp.FindServer(entry.Prefix.Network)?.ConfiguredNbma != nbma)
                lines.Add($"ip nhrp map {entry.Prefix.Network} {nbma}");
        }

        foreach (var nbma in config.MulticastStatic)
        {
            if (!MadeByNhs(nhrp, nbma))
                lines.Add($"ip nhrp map multicast {nbma}");
        }

        if (config.MulticastDynamic)
            lines.Add("ip nhrp map multicast dynamic");
        if (config.NetworkId is { } networkId)
            lines.Add($"ip nhrp network-id {networkId}");
        if (config.HoldTimeSeconds != NhrpInterfaceConfig.DefaultHoldTimeSeconds)
            lines.Add($"ip nhrp holdtime {config.HoldTimeSeconds}");

        foreach (var server in nhrp.Servers)
        {
            string nbma = server.ConfiguredNbma is { } configured ? $" nbma {configured}" : "";
            string multicast = server.ConfiguredMulticast ? " multicast" : "";
            lines.Add($"ip nhrp nhs {server.Address}{nbma}{multicast}");
        }

        if (!config.RegistrationUnique)
            lines.Add("ip nhrp registration no-unique");
        if (config.RegistrationTimeoutSeconds is { } timeout)
            lines.Add($"ip nhrp registration timeout {timeout}");
        if (config.Redirect)
        {
            lines.Add(config.RedirectTimeoutSeconds ==
                NhrpInterfaceConfig.DefaultRedirectTimeoutSeconds
                ? "ip nhrp redirect"
                : $"ip nhrp redirect timeout {config.RedirectTimeoutSeconds}");
        }

        if (config.Shortcut)
            lines.Add("ip nhrp shortcut");

        return lines;
    }

    private static bool MadeByNhs(NhrpInterface nhrp, Ipv4Address nbma)
    {
        foreach (var server in nhrp.Servers)
        {
            if (server.ConfiguredMulticast && server.ConfiguredNbma == nbma)
                return true;
        }

        return false;
    }
}

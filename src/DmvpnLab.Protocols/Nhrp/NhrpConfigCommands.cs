using System.Text;
using DmvpnLab.Ios;
using DmvpnLab.Net.Commands;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>The `ip nhrp …` interface commands of a DMVPN tunnel.</summary>
public static class NhrpConfigCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.Get(NetCliModes.Interface).Commands;

        commands.Register("ip nhrp network-id <1-4294967295:id>", context =>
            WithNhrp(context, nhrp =>
                nhrp.Config.NetworkId = context.Negated ? null : (uint)context["id"].Number));

        commands.Register("ip nhrp authentication <WORD:key>", context =>
            WithNhrp(context, nhrp => nhrp.Config.Authentication =
                context.Negated ? null : Key(context["key"].Text)));

        commands.Register("ip nhrp map <A.B.C.D:address> <A.B.C.D:nbma>", context =>
            WithNhrp(context, nhrp =>
            {
                if (context.Negated)
                    nhrp.RemoveStaticMapping(context.Ipv4("address"));
                else
                    nhrp.AddStaticMapping(context.Ipv4("address"), context.Ipv4("nbma"));
            }));

        commands.Register("ip nhrp map multicast dynamic", context =>
            WithNhrp(context, nhrp => nhrp.SetMulticastDynamic(!context.Negated)));

        commands.Register("ip nhrp map multicast <A.B.C.D:nbma>", context =>
            WithNhrp(context, nhrp =>
            {
                if (context.Negated)
                    nhrp.RemoveMulticastStatic(context.Ipv4("nbma"));
                else
                    nhrp.AddMulticastStatic(context.Ipv4("nbma"));
            }));

        // The argument is not named "nbma": Find would return the chosen keyword `nbma`
        // (value 0) and the spoke would map its NHS to 0.0.0.0.
        commands.Register("ip nhrp nhs <A.B.C.D:nhs> [nbma <A.B.C.D:nhsNbma>] [multicast]",
            context => WithNhrp(context, nhrp =>
            {
                if (context.Negated)
                {
                    nhrp.RemoveServer(context.Ipv4("nhs"));
                    return;
                }

                var nbma = context.Find("nhsNbma") is not null
                    ? context.Ipv4("nhsNbma")
                    : (Wire.Ipv4Address?)null;
                nhrp.AddServer(context.Ipv4("nhs"), nbma, context.Has("multicast"));
            }));

        commands.Register("ip nhrp holdtime <1-65535:seconds>", context =>
            WithNhrp(context, nhrp => nhrp.Config.HoldTimeSeconds = context.Negated
                ? NhrpInterfaceConfig.DefaultHoldTimeSeconds
                : (int)context["seconds"].Number));

        commands.Register("ip nhrp registration no-unique", context =>
            WithNhrp(context, nhrp => nhrp.Config.RegistrationUnique = context.Negated));

        commands.Register("ip nhrp registration timeout <1-65535:seconds>", context =>
            WithNhrp(context, nhrp => nhrp.Config.RegistrationTimeoutSeconds =
                context.Negated ? null : (int)context["seconds"].Number));

        commands.Register("ip nhrp redirect [timeout <2-30:seconds>]", context =>
            WithNhrp(context, nhrp =>
            {
                nhrp.Config.Redirect = !context.Negated;
                nhrp.Config.RedirectTimeoutSeconds = context.Find("seconds") is { } seconds
                    ? (int)seconds.Number
                    : NhrpInterfaceConfig.DefaultRedirectTimeoutSeconds;
            }));

        commands.Register("ip nhrp shortcut", context =>
            WithNhrp(context, nhrp => nhrp.Config.Shortcut = !context.Negated));
    }

    private static CommandResult WithNhrp(CommandContext context, Action<NhrpInterface> apply)
    {
        if (context.Interface() is not GreTunnelInterface tunnel)
            return CommandResult.Error("% Invalid input detected at '^' marker.");

        apply(NhrpProtocol.For(context.Node()).Attach(tunnel));
        return CommandResult.Ok;
    }

    /// <summary>
    /// IOS sends at most 8 bytes of the key (FRR's NHRP_CISCO_PASS_LEN); a longer key is
    /// cut to 8 here. Whether IOS warns about it is not known to this implementation.
    /// </summary>
    private static byte[] Key(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return bytes.Length <= NhrpAuthenticationExtension.CiscoMaximumPasswordLength
            ? bytes
            : bytes[..NhrpAuthenticationExtension.CiscoMaximumPasswordLength];
    }
}

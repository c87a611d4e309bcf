using DmvpnLab.Ios;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// `crypto ipsec transform-set` (sub-mode cfg-crypto-trans), `crypto ipsec profile`
/// (sub-mode ipsec-profile, IOS's prompt names), `tunnel protection ipsec profile`,
/// `debug crypto ipsec`, `clear crypto sa`; and, in one call, every crypto command.
/// </summary>
public static class IpsecCommands
{
    public const string TransformSetMode = "cfg-crypto-trans";
    public const string ProfileMode = "ipsec-profile";

    private const string InvalidInput = "% Invalid input detected at '^' marker.";

    /// <summary>Registers the IKE and IPsec commands: the one line IosCommandSet needs.</summary>
    public static void RegisterAll(CliModes modes)
    {
        IkeCommands.Register(modes);
        Register(modes);
        ShowCryptoIpsecCommands.Register(modes);
    }

    public static void Register(CliModes modes)
    {
        var global = modes.GlobalConfig.Commands;
        var transformMode = modes.Register(TransformSetMode);
        var profileMode = modes.Register(ProfileMode);

        global.Register("crypto ipsec transform-set <WORD:name> [<LINE:transforms>]", context =>
        {
            var ipsec = IpsecService.For(context.Node());
            string name = context["name"].Text;
            if (context.Negated || context.Defaulted)
            {
                ipsec.TransformSets.Remove(name);
                return CommandResult.Ok;
            }

            string[] words = (context.Find("transforms")?.Text ?? "")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 && ipsec.TransformSets.TryGetValue(name, out var existing))
            {
                return CommandResult.Enter(transformMode, existing);
            }

            if (!IpsecTransformSet.TryParse(name, words, out var transformSet, out _))
            {
                return CommandResult.Error(InvalidInput);
            }

            if (ipsec.TransformSets.TryGetValue(name, out var old))
            {
                transformSet!.Mode = old.Mode;
            }

            ipsec.TransformSets[name] = transformSet!;
            return CommandResult.Enter(transformMode, transformSet);
        });

        transformMode.Commands.Register("mode {tunnel|transport}", context =>
        {
            bool transport = !context.Negated && !context.Defaulted && context.Has("transport");
            context.ModeContextAs<IpsecTransformSet>().Mode = transport
                ? IpsecEncapsulationMode.Transport
                : IpsecEncapsulationMode.Tunnel;
            return CommandResult.Ok;
        });

        global.Register("crypto ipsec profile <WORD:name>", context =>
        {
            var profiles = IpsecService.For(context.Node()).Profiles;
            string name = context["name"].Text;
            if (context.Negated || context.Defaulted)
            {
                profiles.Remove(name);
                return CommandResult.Ok;
            }

            if (!profiles.TryGetValue(name, out var profile))
            {
                profile = new IpsecProfile(name);
                profiles[name] = profile;
            }

            return CommandResult.Enter(profileMode, profile);
        });

        RegisterProfileMode(profileMode.Commands);
        RegisterInterfaceAndExec(modes);
    }

    private static void RegisterProfileMode(CommandTree commands)
    {
        commands.Register("set transform-set <LINE:names>", context =>
        {
            var names = context.ModeContextAs<IpsecProfile>().TransformSetNames;
            names.Clear();
            if (!context.Negated && !context.Defaulted)
            {
                names.AddRange(context["names"].Text.Split(' ',
                    StringSplitOptions.RemoveEmptyEntries));
            }

            return CommandResult.Ok;
        });

        commands.Register("set security-association lifetime {seconds <120-2592000:duration>|" +
            "kilobytes <2560-4294967295:volume>}", context =>
        {
            var profile = context.ModeContextAs<IpsecProfile>();
            bool reset = context.Negated || context.Defaulted;
            if (context.Has("seconds"))
            {
                profile.LifetimeSeconds = reset || context.Find("duration") is not { } seconds
                    ? IpsecProfile.DefaultLifetimeSeconds
                    : (int)seconds.Number;
            }
            else
            {
                profile.LifetimeKilobytes = reset || context.Find("volume") is not { } kb
                    ? IpsecProfile.DefaultLifetimeKilobytes
                    : (long)kb.Number;
            }

            return CommandResult.Ok;
        });
    }

    private static void RegisterInterfaceAndExec(CliModes modes)
    {
        modes.Get(NetCliModes.Interface).Commands.Register(
            "tunnel protection ipsec profile <WORD:profile> [shared]", context =>
        {
            if (context.Interface() is not TunnelInterface tunnel)
            {
                return CommandResult.Error(InvalidInput);
            }

            bool remove = context.Negated || context.Defaulted;
            IpsecService.For(context.Node()).Protect(tunnel,
                remove ? null : context["profile"].Text, context.Has("shared"));
            return CommandResult.Ok;
        });

        var exec = modes.PrivilegedExec.Commands;
        exec.Register("debug crypto ipsec", context =>
        {
            if (context.Negated)
            {
                context.Node().Log.DisableDebug(IpsecService.DebugCategory);
                context.Output.WriteLine("Crypto IPSEC debugging is off");
                return CommandResult.Ok;
            }

            context.Node().Log.EnableDebug(IpsecService.DebugCategory);
            context.Output.WriteLine("Crypto IPSEC debugging is on");
            return CommandResult.Ok;
        });

        exec.Register("undebug crypto ipsec", context =>
        {
            context.Node().Log.DisableDebug(IpsecService.DebugCategory);
            context.Output.WriteLine("Crypto IPSEC debugging is off");
            return CommandResult.Ok;
        });

        exec.Register("clear crypto sa", context =>
        {
            IpsecService.For(context.Node()).ClearAll();
            return CommandResult.Ok;
        });
    }
}

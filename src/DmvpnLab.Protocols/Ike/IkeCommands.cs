using System.Text;
using DmvpnLab.Ios;
using DmvpnLab.Net.Commands;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// `crypto isakmp policy` (sub-mode config-isakmp), `crypto isakmp key`, `debug crypto
/// isakmp` and `clear crypto isakmp`. The show commands are in ShowCryptoIsakmpCommands.
/// </summary>
public static class IkeCommands
{
    public const string PolicyMode = "config-isakmp";

    public static void Register(CliModes modes)
    {
        var global = modes.GlobalConfig.Commands;
        var policyMode = modes.Register(PolicyMode);

        global.Register("crypto isakmp policy <1-10000:priority>", context =>
        {
            var policies = Ike(context).Policies;
            int priority = (int)context["priority"].Number;
            if (context.Negated || context.Defaulted)
            {
                policies.Remove(priority);
                return CommandResult.Ok;
            }

            if (!policies.TryGetValue(priority, out var policy))
            {
                policy = new IsakmpPolicy(priority);
                policies[priority] = policy;
            }

            return CommandResult.Enter(policyMode, policy);
        });

        global.Register("crypto isakmp key <WORD:key> address <A.B.C.D:address> " +
            "[<A.B.C.D:mask>]", context =>
        {
            var keys = Ike(context).PreSharedKeys;
            var address = context.Ipv4("address");
            Wire.Ipv4Address? mask =
                context.Find("mask") is null ? null : context.Ipv4("mask");
            keys.RemoveAll(k => k.Address == address && (mask is null || k.Mask == mask));
            if (!context.Negated && !context.Defaulted)
            {
                keys.Add(new IsakmpPreSharedKey(context["key"].Text, address, mask));
            }

            return CommandResult.Ok;
        });

        RegisterPolicyMode(policyMode.Commands);
        RegisterExec(modes);
    }

    private static void RegisterPolicyMode(CommandTree commands)
    {
        commands.Register("encryption {des|3des|aes [128|192|256]}", context =>
        {
            var policy = Policy(context);
            bool reset = context.Negated || context.Defaulted;
            policy.Encryption = reset || context.Has("des")
                ? IkeEncryptionAlgorithm.DesCbc
                : context.Has("3des")
                    ? IkeEncryptionAlgorithm.TripleDesCbc
                    : IkeEncryptionAlgorithm.AesCbc;
            policy.KeyLengthBits = context.Has("256") ? 256 : context.Has("192") ? 192 : 128;
            return CommandResult.Ok;
        });

        commands.Register("hash {md5|sha|sha256|sha384|sha512}", context =>
        {
            bool reset = context.Negated || context.Defaulted;
            Policy(context).Hash = reset ? IsakmpPolicy.DefaultHash
                : context.Has("md5") ? IkeHashAlgorithm.Md5
                : context.Has("sha256") ? IkeHashAlgorithm.Sha256
                : context.Has("sha384") ? IkeHashAlgorithm.Sha384
                : context.Has("sha512") ? IkeHashAlgorithm.Sha512
                : IkeHashAlgorithm.Sha;
            return CommandResult.Ok;
        });

        commands.Register("authentication {pre-share|rsa-sig|rsa-encr}", context =>
        {
            bool reset = context.Negated || context.Defaulted;
            Policy(context).Authentication = !reset && context.Has("pre-share")
                ? IkeAuthenticationMethod.PreSharedKey
                : IkeAuthenticationMethod.RsaSignatures;
            return CommandResult.Ok;
        });

        commands.Register("group {1|2|5|14}", context =>
        {
            bool reset = context.Negated || context.Defaulted;
            int group = 1;
            foreach (string value in new[] { "2", "5", "14" })
            {
                if (!reset && context.Has(value))
                {
                    group = int.Parse(value);
                }
            }

            Policy(context).Group = group;
            return CommandResult.Ok;
        });

        commands.Register("lifetime <60-86400:seconds>", context =>
        {
            Policy(context).LifetimeSeconds = context.Negated || context.Defaulted
                ? IsakmpPolicy.DefaultLifetimeSeconds
                : (int)context["seconds"].Number;
            return CommandResult.Ok;
        });
    }

    private static void RegisterExec(CliModes modes)
    {
        var exec = modes.PrivilegedExec.Commands;
        exec.Register("debug crypto isakmp", context =>
        {
            if (context.Negated)
            {
                context.Node().Log.DisableDebug(IkeService.DebugCategory);
                context.Output.WriteLine("Crypto ISAKMP debugging is off");
                return CommandResult.Ok;
            }

            context.Node().Log.EnableDebug(IkeService.DebugCategory);
            context.Output.WriteLine("Crypto ISAKMP debugging is on");
            return CommandResult.Ok;
        });

        exec.Register("undebug crypto isakmp", context =>
        {
            context.Node().Log.DisableDebug(IkeService.DebugCategory);
            context.Output.WriteLine("Crypto ISAKMP debugging is off");
            return CommandResult.Ok;
        });

        exec.Register("clear crypto isakmp", context =>
        {
            Ike(context).ClearAll();
            return CommandResult.Ok;
        });

        ShowCryptoIsakmpCommands.Register(modes);
    }

    internal static IkeService Ike(CommandContext context) =>
        IpsecService.For(context.Node()).Ike;

    private static IsakmpPolicy Policy(CommandContext context) =>
        context.ModeContextAs<IsakmpPolicy>();
}

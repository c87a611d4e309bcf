using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// The crypto blocks of `show running-config` as IOS 15 prints them: the ISAKMP policies
/// (`encr`, defaults omitted) followed by the keys in one block, the transform sets and
/// profiles with IOS's trailing space after the transform words and set names, and
/// `tunnel protection` under each protected tunnel.
/// </summary>
internal static class CryptoRunningConfig
{
    public static void Write(IpsecService ipsec, RunningConfigBuilder builder)
    {
        WriteIsakmp(ipsec.Ike, builder);
        foreach (var transformSet in ipsec.TransformSets.Values)
        {
            // IOS keeps the transform words as typed and ends the line with a space.
            builder.Section(RunningConfigOrder.CryptoIpsec,
                    $"crypto ipsec transform-set {transformSet.Name} {transformSet.ConfigText} ")
                .Add(transformSet.Mode == IpsecEncapsulationMode.Transport
                    ? "mode transport"
                    : "mode tunnel");
        }

        foreach (var profile in ipsec.Profiles.Values)
        {
            var section = builder.Section(RunningConfigOrder.CryptoIpsec + 50,
                $"crypto ipsec profile {profile.Name}");
            if (profile.LifetimeKilobytes != Config.IpsecProfile.DefaultLifetimeKilobytes)
            {
                section.Add($"set security-association lifetime kilobytes " +
                    profile.LifetimeKilobytes);
            }

            if (profile.LifetimeSeconds != Config.IpsecProfile.DefaultLifetimeSeconds)
            {
                section.Add($"set security-association lifetime seconds {profile.LifetimeSeconds}");
            }

            if (profile.TransformSetNames.Count > 0)
            {
                section.Add($"set transform-set {string.Join(' ', profile.TransformSetNames)} ");
            }
        }

        foreach (var tunnel in ipsec.ProtectedTunnelInterfaces())
        {
            string shared = ipsec.IsShared(tunnel) ? " shared" : "";
            RunningConfigCommands.InterfaceSection(builder, tunnel).Add(
                $"tunnel protection ipsec profile {tunnel.ProtectionProfileName}{shared}",
                InterfaceConfigLineOrder.TunnelProtection);
        }
    }

    /// <summary>
    /// IOS prints the policies and the keys as one run of lines, then two `!` (an empty
    /// block follows in IOS 15), so the block is written without a header.
    /// </summary>
    private static void WriteIsakmp(IkeService ike, RunningConfigBuilder builder)
    {
        if (ike.Policies.Count == 0 && ike.PreSharedKeys.Count == 0)
        {
            return;
        }

        var section = builder.Section(RunningConfigOrder.CryptoIsakmp, null);
        foreach (var policy in ike.Policies.Values)
        {
            section.Add($"crypto isakmp policy {policy.Priority}");
            foreach (string line in PolicyLines(policy))
            {
                section.Add(" " + line);
            }
        }

        foreach (var key in ike.PreSharedKeys)
        {
            section.Add($"crypto isakmp key {key.Key} address {AddressText(key)}");
        }

        section.Add("!");
    }

    /// <summary>The lines of a policy that differ from IOS's defaults, in IOS's order.</summary>
    internal static IEnumerable<string> PolicyLines(IsakmpPolicy policy)
    {
        if (policy.Encryption != IkeEncryptionAlgorithm.DesCbc)
        {
            yield return "encr " + policy.EncryptionConfigText;
        }

        if (policy.Hash != IsakmpPolicy.DefaultHash)
        {
            yield return "hash " + policy.HashConfigText;
        }

        if (policy.Authentication != IkeAuthenticationMethod.RsaSignatures)
        {
            yield return policy.Authentication == IkeAuthenticationMethod.PreSharedKey
                ? "authentication pre-share"
                : "authentication rsa-encr";
        }

        if (policy.Group != 1)
        {
            yield return $"group {policy.Group}";
        }

        if (policy.LifetimeSeconds != IsakmpPolicy.DefaultLifetimeSeconds)
        {
            yield return $"lifetime {policy.LifetimeSeconds}";
        }
    }

    /// <summary>
    /// IOS 15 prints a host key as the bare address, the 0.0.0.0 wildcard with its empty
    /// mask column (eight spaces), and any other range with its mask.
    /// </summary>
    private static string AddressText(IsakmpPreSharedKey key)
    {
        if (key.Mask.Value == 0)
        {
            return $"{key.Address}        ";
        }

        return key.Mask.Value == uint.MaxValue
            ? key.Address.ToString()
            : $"{key.Address} {key.Mask}";
    }
}

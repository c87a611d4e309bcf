using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// The configured IPsec policy as IOS 15 shows it: `show crypto ipsec transform-set`,
/// `show crypto ipsec profile` (tab-indented, refdata phase3-iol-lab-log) and `show crypto
/// map`, where tunnel protection appears as the dynamic map TunnelN-head-0: entry 65536
/// for the profile and one PROFILE INSTANCE entry per peer from 65537.
/// </summary>
internal static class ShowCryptoIpsecPolicy
{
    private const int FirstInstanceSequence = 65537;

    /// <summary>IOS lists its built-in set first, then the configured ones.</summary>
    public static void WriteTransformSets(TextWriter output, IpsecService ipsec, string? name)
    {
        foreach (var set in AllTransformSets(ipsec))
        {
            if (name is not null && set.Name != name)
            {
                continue;
            }

            string mode = set.Mode == IpsecEncapsulationMode.Transport ? "Transport" : "Tunnel";
            output.WriteLine($"Transform set {set.Name}: {{ {set.TransformText} }} ");
            output.WriteLine($"   will negotiate = {{ {mode},  }}, ");
            output.WriteLine("   ");
        }
    }

    /// <summary>Profiles in IOS's (ordinal) name order, the built-in default among them.</summary>
    public static void WriteProfiles(TextWriter output, IpsecService ipsec, string? name)
    {
        var profiles = new List<IpsecProfile>(ipsec.Profiles.Values);
        if (!ipsec.Profiles.ContainsKey(IpsecService.DefaultName))
        {
            profiles.Add(ipsec.DefaultProfile);
        }

        profiles.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var profile in profiles)
        {
            if (name is not null && profile.Name != name)
            {
                continue;
            }

            output.WriteLine($"IPSEC profile {profile.Name}");
            WritePolicyLines(output, ipsec, profile);
            output.WriteLine();
        }
    }

    public static void WriteMaps(TextWriter output, IpsecService ipsec)
    {
        foreach (var tunnel in ipsec.ProtectedTunnelInterfaces())
        {
            var profile = ipsec.ProfileOf(tunnel);
            if (profile is null)
            {
                continue;
            }

            string tag = $"{tunnel.Name}-head-0";
            output.WriteLine($"Crypto Map IPv4 \"{tag}\" 65536 ipsec-isakmp");
            output.WriteLine($"\tProfile name: {profile.Name}");
            WritePolicyLines(output, ipsec, profile);
            output.WriteLine();

            int sequence = FirstInstanceSequence;
            foreach (var flow in ipsec.Flows)
            {
                if (flow.Tunnel == tunnel)
                {
                    WriteInstance(output, ipsec, profile, tag, sequence++, flow.Local, flow.Peer);
                }
            }

            output.WriteLine($"\tInterfaces using crypto map {tag}:");
            output.WriteLine($"\t\t{tunnel.Name}");
            output.WriteLine();
        }
    }

    private static void WriteInstance(TextWriter output, IpsecService ipsec, IpsecProfile profile,
        string tag, int sequence, Ipv4Address local, Ipv4Address peer)
    {
        output.WriteLine($"Crypto Map IPv4 \"{tag}\" {sequence} ipsec-isakmp");
        output.WriteLine("\tMap is a PROFILE INSTANCE.");
        output.WriteLine($"\tPeer = {peer}");
        output.WriteLine("\tExtended IP access list ");
        output.WriteLine($"\t    access-list  permit gre host {local} host {peer}");
        output.WriteLine($"\tCurrent peer: {peer}");
        WritePolicyLines(output, ipsec, profile);
        output.WriteLine();
    }

    /// <summary>The lines a profile and a map entry share (refdata's profile layout).</summary>
    private static void WritePolicyLines(TextWriter output, IpsecService ipsec,
        IpsecProfile profile)
    {
        output.WriteLine($"\tSecurity association lifetime: {profile.LifetimeKilobytes} " +
            $"kilobytes/{profile.LifetimeSeconds} seconds");
        output.WriteLine("\tDualstack (Y/N): N");
        output.WriteLine();
        output.WriteLine("\tResponder-Only (Y/N): N");
        output.WriteLine("\tPFS (Y/N): N");
        output.WriteLine("\tMixed-mode : Disabled");
        output.WriteLine("\tTransform sets={ ");
        foreach (string setName in profile.TransformSetNames)
        {
            if (ipsec.FindTransformSet(setName) is { } set)
            {
                output.WriteLine($"\t\t{set.Name}:  {{ {set.TransformText} }} , ");
            }
        }

        output.WriteLine("\t}");
    }

    private static List<IpsecTransformSet> AllTransformSets(IpsecService ipsec)
    {
        var sets = new List<IpsecTransformSet>();
        if (!ipsec.TransformSets.ContainsKey(IpsecService.DefaultName))
        {
            sets.Add(ipsec.DefaultTransformSet);
        }

        var configured = new List<IpsecTransformSet>(ipsec.TransformSets.Values);
        configured.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        sets.AddRange(configured);
        return sets;
    }
}

using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net.Commands;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// `show crypto isakmp sa [detail]` and `show crypto isakmp policy`, laid out as IOS 15
/// prints them (refdata show-crypto-isakmp-sa.txt; the policy text as in the lab notes).
/// </summary>
public static class ShowCryptoIsakmpCommands
{
    public static void Register(CliModes modes)
    {
        var exec = modes.UserExec.Commands;
        exec.Register("show crypto isakmp sa [detail]", context =>
        {
            var ike = IkeCommands.Ike(context);
            long now = context.Node().Scheduler.NowNanoseconds;
            if (context.Has("detail"))
            {
                WriteDetail(context.Output, ike, now);
            }
            else
            {
                WriteBrief(context.Output, ike);
            }

            return CommandResult.Ok;
        });

        exec.Register("show crypto isakmp policy", context =>
        {
            WritePolicies(context.Output, IkeCommands.Ike(context));
            return CommandResult.Ok;
        });
    }

    private static void WriteBrief(TextWriter output, IkeService ike)
    {
        output.WriteLine("IPv4 Crypto ISAKMP SA");
        output.WriteLine("dst             src             state          conn-id status");
        foreach (var sa in ike.SecurityAssociations)
        {
            // dst is the responder, src the initiator (the lab notes' hub shows both kinds).
            var (dst, src) = sa.IsInitiator ? (sa.Peer, sa.Local) : (sa.Local, sa.Peer);
            string status = sa.IsDeleted ? "ACTIVE (deleted)" : "ACTIVE";
            output.WriteLine($"{IosColumns.Left(dst.ToString(), 16)}" +
                $"{IosColumns.Left(src.ToString(), 16)}" +
                $"{IosColumns.Left(sa.State.ShowName(), 15)}" +
                $"{IosColumns.Right(sa.ConnId.ToString(), 7)} {status}");
        }

        output.WriteLine();
        output.WriteLine("IPv6 Crypto ISAKMP SA");
        output.WriteLine();
    }

    private static void WriteDetail(TextWriter output, IkeService ike, long now)
    {
        output.WriteLine("Codes: C - IKE configuration mode, D - Dead Peer Detection");
        output.WriteLine("       K - Keepalives, N - NAT-traversal");
        output.WriteLine("       T - cTCP encapsulation, X - IKE Extended Authentication");
        output.WriteLine("       psk - Preshared key, rsig - RSA signature");
        output.WriteLine("       renc - RSA encryption");
        output.WriteLine("IPv4 Crypto ISAKMP SA");
        output.WriteLine();
        output.WriteLine("C-id  Local           Remote          I-VRF  Status Encr Hash   " +
            "Auth DH Lifetime Cap.");
        output.WriteLine();
        foreach (var sa in ike.SecurityAssociations)
        {
            var policy = sa.Policy;
            string encryption = policy is null ? "" : EncryptionShortName(policy);
            string hash = policy is null ? "" : policy.HashConfigText;
            string group = policy is null ? "" : policy.Group.ToString();
            string status = sa.IsDeleted ? "DELETE" : "ACTIVE";
            output.WriteLine($"{IosColumns.Left(sa.ConnId.ToString(), 6)}" +
                $"{IosColumns.Left(sa.Local.ToString(), 16)}" +
                $"{IosColumns.Left(sa.Peer.ToString(), 16)}" +
                $"{new string(' ', 7)}{IosColumns.Left(status, 7)}" +
                $"{IosColumns.Left(encryption, 5)}{IosColumns.Left(hash, 7)}" +
                $"{IosColumns.Left(policy is null ? "" : "psk", 5)}{IosColumns.Left(group, 3)}" +
                $"{IosTime.FormatUptime(sa.RemainingLifetime(now))}     ");
            output.WriteLine($"       Engine-id:Conn-id =  SW:{Math.Max(0, sa.ConnId - 1000)}");
            output.WriteLine();
        }

        output.WriteLine("IPv6 Crypto ISAKMP SA");
        output.WriteLine();
    }

    private static string EncryptionShortName(IsakmpPolicy policy) => policy.Encryption switch
    {
        IkeEncryptionAlgorithm.TripleDesCbc => "3des",
        IkeEncryptionAlgorithm.AesCbc => "aes",
        _ => "des",
    };

    private static void WritePolicies(TextWriter output, IkeService ike)
    {
        output.WriteLine("Global IKE policy");
        foreach (var policy in ike.Policies.Values)
        {
            output.WriteLine($"Protection suite of priority {policy.Priority}");
            Field(output, "encryption algorithm:", EncryptionLongName(policy));
            Field(output, "hash algorithm:", policy.Hash switch
            {
                IkeHashAlgorithm.Md5 => "Message Digest 5",
                IkeHashAlgorithm.Sha256 => "Secure Hash Standard 2 (256 bit)",
                IkeHashAlgorithm.Sha384 => "Secure Hash Standard 2 (384 bit)",
                IkeHashAlgorithm.Sha512 => "Secure Hash Standard 2 (512 bit)",
                _ => "Secure Hash Standard",
            });
            Field(output, "authentication method:", policy.Authentication switch
            {
                IkeAuthenticationMethod.PreSharedKey => "Pre-Shared Key",
                IkeAuthenticationMethod.RsaSignatures => "Rivest-Shamir-Adleman Signature",
                _ => "Rivest-Shamir-Adleman Encryption",
            });
            int bits = Crypto.ModpGroup.FromNumber(policy.Group)?.BitLength ?? 0;
            Field(output, "Diffie-Hellman group:", $"#{policy.Group} ({bits} bit)");
            Field(output, "lifetime:", $"{policy.LifetimeSeconds} seconds, no volume limit");
        }
    }

    private static string EncryptionLongName(IsakmpPolicy policy) => policy.Encryption switch
    {
        IkeEncryptionAlgorithm.TripleDesCbc => "Three key triple DES",
        IkeEncryptionAlgorithm.AesCbc =>
            $"AES - Advanced Encryption Standard ({policy.KeyLengthBits} bit keys).",
        _ => "DES - Data Encryption Standard (56 bit keys).",
    };

    // The lab notes' layout: eight spaces, the label, the value from column 33.
    private static void Field(TextWriter output, string label, string value) =>
        output.WriteLine($"        {IosColumns.Left(label, 24)}{value}");
}

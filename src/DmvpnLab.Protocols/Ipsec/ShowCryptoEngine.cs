using DmvpnLab.Ios.Text;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// `show crypto engine connections active`: every live ESP SA (one line per direction, by
/// conn id, with its packet counts and the last sequence number received) and every ISAKMP
/// SA with keys, each named by its algorithms as IOS 15 does ("AES256+SHA512" for ESP,
/// hash first for IKE: "SHA256+AES256"); the address is the local crypto endpoint.
/// </summary>
internal static class ShowCryptoEngine
{
    public static void Write(TextWriter output, IpsecService ipsec)
    {
        output.WriteLine("  Crypto Engine Connections");
        output.WriteLine();
        output.WriteLine("     ID  Type    Algorithm      Encrypt  Decrypt LastSeqN IP-Address");
        var rows = new List<(int Id, string Line)>();
        foreach (var flow in ipsec.Flows)
        {
            foreach (var pair in flow.Pairs)
            {
                string algorithm = EspAlgorithm(pair);
                var inbound = pair.Inbound;
                rows.Add((pair.InboundConnId, Row(pair.InboundConnId, "IPsec", algorithm, 0,
                    inbound.PacketsDecrypted, inbound.ReplayWindow.Highest, flow.Local)));
                rows.Add((pair.OutboundConnId, Row(pair.OutboundConnId, "IPsec", algorithm,
                    pair.Outbound.PacketsEncrypted, 0, 0, flow.Local)));
            }
        }

        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach (var sa in ipsec.Ike.SecurityAssociations)
        {
            if (!sa.IsDeleted && sa.ConnId > 0 && sa.Policy is { } policy)
            {
                rows.Add((sa.ConnId, Row(sa.ConnId, "IKE", IkeAlgorithm(policy), 0, 0, 0,
                    sa.Local)));
            }
        }

        foreach (var (_, line) in rows)
        {
            output.WriteLine(line);
        }

        output.WriteLine();
    }

    private static string Row(int id, string type, string algorithm, long encrypt,
        long decrypt, long lastSequence, Wire.Ipv4Address address) =>
        $"{IosColumns.Right(id.ToString(), 7)}  {IosColumns.Left(type, 8)}" +
        $"{IosColumns.Left(algorithm, 13)}{IosColumns.Right(encrypt.ToString(), 9)}" +
        $"{IosColumns.Right(decrypt.ToString(), 9)}{IosColumns.Right(lastSequence.ToString(), 9)}" +
        $" {address}";

    private static string EspAlgorithm(IpsecSaPair pair)
    {
        var set = pair.TransformSet;
        string cipher = set.Encryption switch
        {
            EspEncryptionAlgorithm.TripleDesCbc => "3DES",
            EspEncryptionAlgorithm.AesGcm16 => $"AES{Bits(set.KeyLengthBits)}GCM",
            _ => $"AES{Bits(set.KeyLengthBits)}",
        };
        string integrity = set.Integrity switch
        {
            EspIntegrityAlgorithm.HmacMd596 => "+MD5",
            EspIntegrityAlgorithm.HmacSha196 => "+SHA",
            EspIntegrityAlgorithm.HmacSha256128 => "+SHA256",
            EspIntegrityAlgorithm.HmacSha384192 => "+SHA384",
            EspIntegrityAlgorithm.HmacSha512256 => "+SHA512",
            _ => "",
        };
        return cipher + integrity;
    }

    private static string IkeAlgorithm(IsakmpPolicy policy)
    {
        string cipher = policy.Encryption == IkeEncryptionAlgorithm.TripleDesCbc
            ? "3DES"
            : $"AES{Bits(policy.KeyLengthBits)}";
        return $"{policy.HashConfigText.ToUpperInvariant()}+{cipher}";
    }

    // IOS names AES-128 plain "AES" and the longer keys "AES192", "AES256".
    private static string Bits(int keyLengthBits) =>
        keyLengthBits == 128 ? "" : keyLengthBits.ToString();
}

using System.Net;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Protocols.Ipsec.Crypto;

namespace DmvpnLab.Lab.Captures;

/// <summary>
/// At the end of a run, writes every ESP SA and every ISAKMP SA the routers created into
/// the capture folder as Wireshark user-access tables: <c>esp_sa</c> and
/// <c>ikev1_decryption_table</c>. Copy them into a Wireshark profile (or pass each line
/// with <c>-o uat:…</c>) and the captures' ISAKMP and ESP decrypt.
/// </summary>
public static class CryptoKeyExport
{
    public const string EspFileName = "esp_sa";
    public const string IkeFileName = "ikev1_decryption_table";

    /// <summary>Hooks the lab's end of run when it writes captures.</summary>
    public static void Attach(LabInstance lab) => lab.Finishing += Write;

    public static void Write(LabInstance lab)
    {
        if (lab.CaptureFolder is not { } folder)
        {
            return;
        }

        // Both ends of an SA know its keys: each line once, in the order first met.
        var esp = new List<string>();
        var ike = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in lab.Nodes.Values)
        {
            if (node.Network.GetFeature<IpsecService>() is not { } ipsec)
            {
                continue;
            }

            foreach (var record in ipsec.KeyRecords)
            {
                string line = WiresharkKeyExport.FormatEspSa(ToIpAddress(record.Source),
                    ToIpAddress(record.Destination), record.Sa);
                if (seen.Add(line))
                {
                    esp.Add(line);
                }
            }

            foreach (var sa in ipsec.Ike.KeyRecords)
            {
                string line = WiresharkKeyExport.FormatIkev1Decryption(sa.InitiatorCookieBytes,
                    sa.Keys!.EncryptionKey);
                if (seen.Add(line))
                {
                    ike.Add(line);
                }
            }
        }

        File.WriteAllLines(Path.Combine(folder, EspFileName), esp);
        File.WriteAllLines(Path.Combine(folder, IkeFileName), ike);
    }

    private static IPAddress ToIpAddress(Wire.Ipv4Address address)
    {
        byte[] bytes = new byte[Wire.Ipv4Address.Length];
        address.Write(bytes);
        return new IPAddress(bytes);
    }
}

using System.Net;
using System.Net.Sockets;

namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// Lines for Wireshark's user-access tables, so a capture of a lab decrypts in
/// Wireshark: <c>esp_sa</c> (ESP SAs) and <c>ikev1_decryption_table</c> (ISAKMP SAs).
/// A line goes in the file of that name in the Wireshark profile, or on the command line
/// as <c>-o "uat:esp_sa:LINE"</c> (ESP also needs <c>-o esp.enable_encryption_decode:TRUE</c>).
/// </summary>
/// <remarks>
/// Checked against TShark 4.0.17 (Debian 12): the algorithm names are the value strings
/// of its ESP dissector, taken verbatim since the UAT matches them exactly; every line
/// format was accepted by <c>tshark -o uat:...</c> and the ESP lines decrypt
/// (tests/…/Ipsec/WiresharkKeyExportTests). In <c>esp_sa</c> the fields are quoted
/// strings and keys and SPI carry "0x"; in <c>ikev1_decryption_table</c> both fields
/// are byte fields, written as bare hex without quotes (a quoted cookie is rejected).
/// </remarks>
public static class WiresharkKeyExport
{
    /// <summary>
    /// <c>"IPv4","src","dst","0xSPI","cipher","0xKEY","integrity","0xKEY"</c>, with the
    /// addresses as the outer header carries them (source = sender of this SA's packets).
    /// </summary>
    public static string FormatEspSa(
        IPAddress source, IPAddress destination, EspSecurityAssociation sa) =>
        FormatEspSa(
            source, destination, sa.Spi, sa.Encryption, sa.EncryptionKey, sa.Integrity,
            sa.IntegrityKey);

    public static string FormatEspSa(
        IPAddress source,
        IPAddress destination,
        uint spi,
        EspEncryptionAlgorithm encryption,
        ReadOnlySpan<byte> encryptionKey,
        EspIntegrityAlgorithm integrity,
        ReadOnlySpan<byte> integrityKey)
    {
        string protocol = source.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        string integrityKeyField = integrityKey.IsEmpty ? "" : Hex(integrityKey);
        return $"\"{protocol}\",\"{source}\",\"{destination}\",\"0x{spi:x8}\"," +
            $"\"{EncryptionName(encryption)}\",\"{Hex(encryptionKey)}\"," +
            $"\"{IntegrityName(integrity)}\",\"{integrityKeyField}\"";
    }

    /// <summary>
    /// <c>ICOOKIE,ENCKEY</c>: the initiator cookie (8 bytes) and the ISAKMP SA's
    /// encryption key (the expanded key, not SKEYID_e), as bare hex.
    /// </summary>
    public static string FormatIkev1Decryption(
        ReadOnlySpan<byte> initiatorCookie, ReadOnlySpan<byte> encryptionKey) =>
        $"{Convert.ToHexStringLower(initiatorCookie)},{Convert.ToHexStringLower(encryptionKey)}";

    /// <summary>The Wireshark 4.0 name of an ESP cipher, as its esp_sa table expects.</summary>
    public static string EncryptionName(EspEncryptionAlgorithm encryption) => encryption switch
    {
        EspEncryptionAlgorithm.TripleDesCbc => "TripleDES-CBC [RFC2451]",
        EspEncryptionAlgorithm.AesCbc => "AES-CBC [RFC3602]",
        EspEncryptionAlgorithm.AesGcm16 => "AES-GCM with 16 octet ICV [RFC4106]",
        _ => throw new ArgumentOutOfRangeException(nameof(encryption), encryption, null),
    };

    /// <summary>The Wireshark 4.0 name of an ESP integrity algorithm.</summary>
    public static string IntegrityName(EspIntegrityAlgorithm integrity) => integrity switch
    {
        EspIntegrityAlgorithm.None => "NULL",
        EspIntegrityAlgorithm.HmacMd596 => "HMAC-MD5-96 [RFC2403]",
        EspIntegrityAlgorithm.HmacSha196 => "HMAC-SHA-1-96 [RFC2404]",
        EspIntegrityAlgorithm.HmacSha256128 => "HMAC-SHA-256-128 [RFC4868]",
        EspIntegrityAlgorithm.HmacSha384192 => "HMAC-SHA-384-192 [RFC4868]",
        EspIntegrityAlgorithm.HmacSha512256 => "HMAC-SHA-512-256 [RFC4868]",
        _ => throw new ArgumentOutOfRangeException(nameof(integrity), integrity, null),
    };

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}

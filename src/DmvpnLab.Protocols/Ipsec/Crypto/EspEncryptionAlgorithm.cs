namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// ESP encryption transforms, numbered as the IPsec DOI transform IDs
/// (RFC 2407 4.4.4; AES-CBC RFC 3602, AES-GCM RFC 4106).
/// </summary>
public enum EspEncryptionAlgorithm
{
    /// <summary>ESP_3DES: DES-EDE3-CBC, 24-byte key, 8-byte explicit IV (RFC 2451).</summary>
    TripleDesCbc = 3,

    /// <summary>ESP_AES: AES-CBC, 16/24/32-byte key, 16-byte explicit IV (RFC 3602).</summary>
    AesCbc = 12,

    /// <summary>
    /// ESP_AES_GCM_16: AES-GCM with a 16-byte ICV (RFC 4106); the key material carries
    /// the 4-byte salt after the AES key (RFC 4106 8.1), the explicit IV is 8 bytes.
    /// </summary>
    AesGcm16 = 20,
}

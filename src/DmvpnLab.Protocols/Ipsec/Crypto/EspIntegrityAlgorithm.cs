namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// ESP integrity algorithms, numbered as the IPsec DOI authentication algorithm
/// attribute (RFC 2407 4.5; 5-7 for SHA-2 from the IANA registry). MD5 and SHA-1 truncate
/// the HMAC to 96 bits, SHA-2 to half its output (RFC 4868 2.3).
/// </summary>
public enum EspIntegrityAlgorithm
{
    /// <summary>No separate integrity algorithm: required with AES-GCM (RFC 4106 4).</summary>
    None = 0,

    /// <summary>HMAC-MD5-96, 16-byte key (RFC 2403).</summary>
    HmacMd596 = 1,

    /// <summary>HMAC-SHA1-96, 20-byte key (RFC 2404).</summary>
    HmacSha196 = 2,

    /// <summary>HMAC-SHA-256-128, 32-byte key (RFC 4868).</summary>
    HmacSha256128 = 5,

    /// <summary>HMAC-SHA-384-192, 48-byte key (RFC 4868).</summary>
    HmacSha384192 = 6,

    /// <summary>HMAC-SHA-512-256, 64-byte key (RFC 4868).</summary>
    HmacSha512256 = 7,
}

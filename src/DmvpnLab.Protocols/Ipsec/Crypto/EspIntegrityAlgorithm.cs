namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// ESP integrity algorithms, numbered as the IPsec DOI authentication algorithm
/// attribute (RFC 2407 4.5). Both truncate the HMAC to 96 bits.
/// </summary>
public enum EspIntegrityAlgorithm
{
    /// <summary>No separate integrity algorithm: required with AES-GCM (RFC 4106 4).</summary>
    None = 0,

    /// <summary>HMAC-MD5-96, 16-byte key (RFC 2403).</summary>
    HmacMd596 = 1,

    /// <summary>HMAC-SHA1-96, 20-byte key (RFC 2404).</summary>
    HmacSha196 = 2,
}

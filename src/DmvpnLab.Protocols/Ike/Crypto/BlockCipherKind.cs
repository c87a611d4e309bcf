namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>The block ciphers used in CBC mode by ISAKMP and ESP.</summary>
internal enum BlockCipherKind
{
    /// <summary>DES-EDE3, 24-byte key, 8-byte block (RFC 2451).</summary>
    TripleDes,

    /// <summary>AES with a 16, 24 or 32-byte key, 16-byte block (RFC 3602).</summary>
    Aes,
}

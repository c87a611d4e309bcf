// RFC 2409 Appendix A: the phase 1 (IKE SA) attribute classes and the values IOS
// proposes with "crypto isakmp policy" (encryption des/3des/aes, hash md5/sha/sha256/
// sha384/sha512, authentication pre-share, group 1/2/5/14, lifetime in seconds).
namespace DmvpnLab.Wire.Isakmp;

/// <summary>IKE SA attribute classes (RFC 2409 Appendix A).</summary>
public enum IkeAttributeType : ushort
{
    EncryptionAlgorithm = 1,
    HashAlgorithm = 2,
    AuthenticationMethod = 3,
    GroupDescription = 4,
    GroupType = 5,
    LifeType = 11,
    LifeDuration = 12,
    Prf = 13,
    KeyLength = 14,
}

/// <summary>Encryption Algorithm values.</summary>
public enum IkeEncryptionAlgorithm : ushort
{
    DesCbc = 1,
    TripleDesCbc = 5,

    /// <summary>RFC 3602; the key length attribute gives 128, 192 or 256.</summary>
    AesCbc = 7,
}

/// <summary>Hash Algorithm values (IANA "IPSEC Hash Algorithm" registry: 4-6 are SHA-2).</summary>
public enum IkeHashAlgorithm : ushort
{
    Md5 = 1,
    Sha = 2,
    Sha256 = 4,
    Sha384 = 5,
    Sha512 = 6,
}

/// <summary>Authentication Method values.</summary>
public enum IkeAuthenticationMethod : ushort
{
    PreSharedKey = 1,
    DssSignatures = 2,
    RsaSignatures = 3,
}

/// <summary>Group Description values: the MODP groups of RFC 2409 6 and RFC 3526.</summary>
public enum IkeGroupDescription : ushort
{
    Modp768 = 1,
    Modp1024 = 2,
    Modp1536 = 5,
    Modp2048 = 14,
}

/// <summary>Life Type values (phase 1 and phase 2 share them).</summary>
public enum IkeLifeType : ushort
{
    Seconds = 1,
    Kilobytes = 2,
}

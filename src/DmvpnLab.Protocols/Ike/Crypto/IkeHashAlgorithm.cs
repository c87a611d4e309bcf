using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// The IKEv1 hash algorithm attribute (RFC 2409 Appendix A, attribute class 2; SHA-2
/// values 4-6 from the IANA registry). Without a negotiated PRF, the prf is HMAC over
/// this hash (RFC 2409 4), so SHA-256 gives HMAC-SHA-256 (RFC 4868 2.1).
/// </summary>
public enum IkeHashAlgorithm
{
    Md5 = 1,
    Sha1 = 2,
    Sha256 = 4,
    Sha384 = 5,
    Sha512 = 6,
}

internal static class IkeHashAlgorithmExtensions
{
    public static HashAlgorithmName ToHashAlgorithmName(this IkeHashAlgorithm hash) => hash switch
    {
        IkeHashAlgorithm.Md5 => HashAlgorithmName.MD5,
        IkeHashAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        IkeHashAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        IkeHashAlgorithm.Sha384 => HashAlgorithmName.SHA384,
        IkeHashAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, null),
    };

    public static int OutputLength(this IkeHashAlgorithm hash) => hash switch
    {
        IkeHashAlgorithm.Md5 => 16,
        IkeHashAlgorithm.Sha1 => 20,
        IkeHashAlgorithm.Sha256 => 32,
        IkeHashAlgorithm.Sha384 => 48,
        IkeHashAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, null),
    };
}

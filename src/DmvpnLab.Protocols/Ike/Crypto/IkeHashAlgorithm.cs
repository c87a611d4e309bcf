using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// The IKEv1 hash algorithm attribute (RFC 2409 Appendix A, attribute class 2). Without
/// a negotiated PRF, the prf is HMAC over this hash (RFC 2409 4).
/// </summary>
public enum IkeHashAlgorithm
{
    Md5 = 1,
    Sha1 = 2,
}

internal static class IkeHashAlgorithmExtensions
{
    public static HashAlgorithmName ToHashAlgorithmName(this IkeHashAlgorithm hash) => hash switch
    {
        IkeHashAlgorithm.Md5 => HashAlgorithmName.MD5,
        IkeHashAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, null),
    };

    public static int OutputLength(this IkeHashAlgorithm hash) =>
        hash == IkeHashAlgorithm.Md5 ? 16 : 20;
}

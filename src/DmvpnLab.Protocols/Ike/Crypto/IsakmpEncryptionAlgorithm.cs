namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// The phase-1 encryption algorithm: attribute class 1 (RFC 2409 Appendix A: 3DES-CBC
/// is 5; AES-CBC is 7, RFC 3602 / IANA) together with the Key Length attribute for AES.
/// </summary>
public enum IsakmpEncryptionAlgorithm
{
    TripleDesCbc,
    AesCbc128,
    AesCbc192,
    AesCbc256,
}

internal static class IsakmpEncryptionAlgorithmExtensions
{
    public static int KeyLength(this IsakmpEncryptionAlgorithm algorithm) => algorithm switch
    {
        IsakmpEncryptionAlgorithm.TripleDesCbc => 24,
        IsakmpEncryptionAlgorithm.AesCbc128 => 16,
        IsakmpEncryptionAlgorithm.AesCbc192 => 24,
        IsakmpEncryptionAlgorithm.AesCbc256 => 32,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    public static int BlockSize(this IsakmpEncryptionAlgorithm algorithm) =>
        algorithm == IsakmpEncryptionAlgorithm.TripleDesCbc ? 8 : 16;

    public static BlockCipherKind CipherKind(this IsakmpEncryptionAlgorithm algorithm) =>
        algorithm == IsakmpEncryptionAlgorithm.TripleDesCbc
            ? BlockCipherKind.TripleDes
            : BlockCipherKind.Aes;
}

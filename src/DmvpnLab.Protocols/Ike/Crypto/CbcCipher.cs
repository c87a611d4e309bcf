namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// A keyed block cipher in CBC mode without padding, created once per SA and reused for
/// every message: callers pad, and pass the IV per call.
/// </summary>
/// <remarks>
/// The libcrypto form keeps one EVP context per direction and allocates nothing per
/// call. The managed form uses the span one-shots
/// (<see cref="System.Security.Cryptography.SymmetricAlgorithm.EncryptCbc(ReadOnlySpan{byte},
/// ReadOnlySpan{byte}, System.Security.Cryptography.PaddingMode)"/>), which on .NET 10 /
/// Linux build a native context per call and allocate 64 (AES) to 160 (3DES) bytes.
/// Plaintext and ciphertext may be the same span; they must not partially overlap.
/// </remarks>
internal abstract class CbcCipher : IDisposable
{
    public abstract int BlockSize { get; }

    /// <summary>Length must be a multiple of <see cref="BlockSize"/>.</summary>
    public abstract void Encrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext);

    /// <summary>Length must be a multiple of <see cref="BlockSize"/>.</summary>
    public abstract void Decrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext);

    public abstract void Dispose();

    /// <summary>libcrypto when available (or when not forced managed), else managed.</summary>
    public static CbcCipher Create(
        BlockCipherKind kind, ReadOnlySpan<byte> key, bool forceManaged = false)
    {
        if (!forceManaged && LibCrypto.IsAvailable)
        {
            return new LibCryptoCbcCipher(kind, key);
        }

        return new ManagedCbcCipher(kind, key);
    }

    protected void CheckLengths(ReadOnlySpan<byte> iv, int inputLength, int outputLength)
    {
        if (iv.Length != BlockSize)
        {
            throw new ArgumentException($"IV must be {BlockSize} bytes", nameof(iv));
        }

        if (inputLength % BlockSize != 0 || outputLength < inputLength)
        {
            throw new ArgumentException("input not block-aligned or output too short");
        }
    }
}

using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// CBC through System.Security.Cryptography's span one-shots. Unlike libcrypto, .NET's
/// TripleDES rejects keys with K1 = K2 or K2 = K3 ("known weak key"); derived keys hit
/// that with negligible probability.
/// </summary>
internal sealed class ManagedCbcCipher : CbcCipher
{
    private readonly SymmetricAlgorithm _algorithm;

    public ManagedCbcCipher(BlockCipherKind kind, ReadOnlySpan<byte> key)
    {
        _algorithm = kind == BlockCipherKind.TripleDes ? TripleDES.Create() : Aes.Create();
        _algorithm.Key = key.ToArray();
    }

    public override int BlockSize => _algorithm.BlockSize / 8;

    public override void Encrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        CheckLengths(iv, plaintext.Length, ciphertext.Length);
        _algorithm.EncryptCbc(plaintext, iv, ciphertext, PaddingMode.None);
    }

    public override void Decrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        CheckLengths(iv, ciphertext.Length, plaintext.Length);
        _algorithm.DecryptCbc(ciphertext, iv, plaintext, PaddingMode.None);
    }

    public override void Dispose() => _algorithm.Dispose();
}

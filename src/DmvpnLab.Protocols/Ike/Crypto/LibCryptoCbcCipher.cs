using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// CBC through libcrypto EVP: one context per direction, keyed once; each call only
/// resets the IV (EVP_CipherInit_ex with a null cipher and key keeps the key schedule).
/// </summary>
internal sealed unsafe class LibCryptoCbcCipher : CbcCipher
{
    private readonly EvpCipherContext _encryptor;
    private readonly EvpCipherContext _decryptor;

    public LibCryptoCbcCipher(BlockCipherKind kind, ReadOnlySpan<byte> key)
    {
        nint cipher = (kind, key.Length) switch
        {
            (BlockCipherKind.TripleDes, 24) => LibCrypto.EVP_des_ede3_cbc(),
            (BlockCipherKind.Aes, 16) => LibCrypto.EVP_aes_128_cbc(),
            (BlockCipherKind.Aes, 24) => LibCrypto.EVP_aes_192_cbc(),
            (BlockCipherKind.Aes, 32) => LibCrypto.EVP_aes_256_cbc(),
            _ => throw new ArgumentException($"bad {kind} key length {key.Length}", nameof(key)),
        };
        BlockSize = kind == BlockCipherKind.TripleDes ? 8 : 16;
        _encryptor = new EvpCipherContext(cipher, key, encrypt: true);
        _decryptor = new EvpCipherContext(cipher, key, encrypt: false);
    }

    public override int BlockSize { get; }

    public override void Encrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        CheckLengths(iv, plaintext.Length, ciphertext.Length);
        _encryptor.Run(iv, plaintext, ciphertext);
    }

    public override void Decrypt(
        ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        CheckLengths(iv, ciphertext.Length, plaintext.Length);
        _decryptor.Run(iv, ciphertext, plaintext);
    }

    public override void Dispose()
    {
        _encryptor.Dispose();
        _decryptor.Dispose();
    }

    private sealed class EvpCipherContext : SafeHandle
    {
        public EvpCipherContext(nint cipher, ReadOnlySpan<byte> key, bool encrypt)
            : base(0, ownsHandle: true)
        {
            SetHandle(LibCrypto.EVP_CIPHER_CTX_new());
            if (handle == 0)
            {
                throw new CryptographicException("EVP_CIPHER_CTX_new failed");
            }

            fixed (byte* keyBytes = key)
            {
                int ok = LibCrypto.EVP_CipherInit_ex(
                    handle, cipher, 0, keyBytes, null, encrypt ? 1 : 0);
                if (ok != 1 || LibCrypto.EVP_CIPHER_CTX_set_padding(handle, 0) != 1)
                {
                    throw new CryptographicException("EVP_CipherInit_ex failed");
                }
            }
        }

        public override bool IsInvalid => handle == 0;

        public void Run(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, Span<byte> output)
        {
            if (input.IsEmpty)
            {
                return;
            }

            int written = 0;
            int ok;
            fixed (byte* ivBytes = iv)
            fixed (byte* inputBytes = input)
            fixed (byte* outputBytes = output)
            {
                // enc = -1 keeps the direction chosen at construction.
                ok = LibCrypto.EVP_CipherInit_ex(handle, 0, 0, null, ivBytes, -1);
                if (ok == 1)
                {
                    ok = LibCrypto.EVP_CipherUpdate(
                        handle, outputBytes, &written, inputBytes, input.Length);
                }
            }

            if (ok != 1 || written != input.Length)
            {
                throw new CryptographicException("EVP_CipherUpdate failed");
            }
        }

        protected override bool ReleaseHandle()
        {
            LibCrypto.EVP_CIPHER_CTX_free(handle);
            return true;
        }
    }
}

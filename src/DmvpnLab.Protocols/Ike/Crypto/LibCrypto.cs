using System.Runtime.InteropServices;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// OpenSSL libcrypto bindings: BIGNUM modular exponentiation for MODP Diffie-Hellman
/// and EVP CBC contexts for ESP and ISAKMP. Loaded once with
/// <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>; when no candidate loads or
/// an export is missing, <see cref="IsAvailable"/> is false and callers use the managed
/// fallbacks.
/// </summary>
/// <remarks>
/// Every function used exists with the same signature in OpenSSL 1.1 and 3.x.
/// BN_ULONG is bound as nuint, which matches LP64 Linux.
/// </remarks>
internal static unsafe class LibCrypto
{
    private static readonly string[] s_candidates =
        ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    public static readonly delegate* unmanaged<nint> BN_CTX_new;
    public static readonly delegate* unmanaged<nint, void> BN_CTX_free;
    public static readonly delegate* unmanaged<nint> BN_new;
    public static readonly delegate* unmanaged<nint, void> BN_free;
    public static readonly delegate* unmanaged<nint, void> BN_clear_free;
    public static readonly delegate* unmanaged<byte*, int, nint, nint> BN_bin2bn;
    public static readonly delegate* unmanaged<nint, byte*, int, int> BN_bn2binpad;
    public static readonly delegate* unmanaged<nint, nint, nint, nint, nint, nint, int>
        BN_mod_exp_mont;
    public static readonly delegate* unmanaged<nint, nuint, nint, nint, nint, nint, int>
        BN_mod_exp_mont_word;
    public static readonly delegate* unmanaged<nint> BN_MONT_CTX_new;
    public static readonly delegate* unmanaged<nint, nint, nint, int> BN_MONT_CTX_set;

    public static readonly delegate* unmanaged<nint> EVP_CIPHER_CTX_new;
    public static readonly delegate* unmanaged<nint, void> EVP_CIPHER_CTX_free;
    public static readonly delegate* unmanaged<nint, int, int> EVP_CIPHER_CTX_set_padding;
    public static readonly delegate* unmanaged<nint, nint, nint, byte*, byte*, int, int>
        EVP_CipherInit_ex;
    public static readonly delegate* unmanaged<nint, byte*, int*, byte*, int, int>
        EVP_CipherUpdate;
    public static readonly delegate* unmanaged<nint> EVP_des_ede3_cbc;
    public static readonly delegate* unmanaged<nint> EVP_aes_128_cbc;
    public static readonly delegate* unmanaged<nint> EVP_aes_192_cbc;
    public static readonly delegate* unmanaged<nint> EVP_aes_256_cbc;

    static LibCrypto()
    {
        foreach (string name in s_candidates)
        {
            if (!NativeLibrary.TryLoad(name, out nint handle))
            {
                continue;
            }

            bool complete = true;
            nint Bind(string export)
            {
                if (NativeLibrary.TryGetExport(handle, export, out nint address))
                {
                    return address;
                }

                complete = false;
                return 0;
            }

            BN_CTX_new = (delegate* unmanaged<nint>)Bind("BN_CTX_new");
            BN_CTX_free = (delegate* unmanaged<nint, void>)Bind("BN_CTX_free");
            BN_new = (delegate* unmanaged<nint>)Bind("BN_new");
            BN_free = (delegate* unmanaged<nint, void>)Bind("BN_free");
            BN_clear_free = (delegate* unmanaged<nint, void>)Bind("BN_clear_free");
            BN_bin2bn = (delegate* unmanaged<byte*, int, nint, nint>)Bind("BN_bin2bn");
            BN_bn2binpad = (delegate* unmanaged<nint, byte*, int, int>)Bind("BN_bn2binpad");
            BN_mod_exp_mont = (delegate* unmanaged<nint, nint, nint, nint, nint, nint, int>)
                Bind("BN_mod_exp_mont");
            BN_mod_exp_mont_word =
                (delegate* unmanaged<nint, nuint, nint, nint, nint, nint, int>)
                Bind("BN_mod_exp_mont_word");
            BN_MONT_CTX_new = (delegate* unmanaged<nint>)Bind("BN_MONT_CTX_new");
            BN_MONT_CTX_set = (delegate* unmanaged<nint, nint, nint, int>)
                Bind("BN_MONT_CTX_set");

            EVP_CIPHER_CTX_new = (delegate* unmanaged<nint>)Bind("EVP_CIPHER_CTX_new");
            EVP_CIPHER_CTX_free = (delegate* unmanaged<nint, void>)
                Bind("EVP_CIPHER_CTX_free");
            EVP_CIPHER_CTX_set_padding = (delegate* unmanaged<nint, int, int>)
                Bind("EVP_CIPHER_CTX_set_padding");
            EVP_CipherInit_ex = (delegate* unmanaged<nint, nint, nint, byte*, byte*, int, int>)
                Bind("EVP_CipherInit_ex");
            EVP_CipherUpdate = (delegate* unmanaged<nint, byte*, int*, byte*, int, int>)
                Bind("EVP_CipherUpdate");
            EVP_des_ede3_cbc = (delegate* unmanaged<nint>)Bind("EVP_des_ede3_cbc");
            EVP_aes_128_cbc = (delegate* unmanaged<nint>)Bind("EVP_aes_128_cbc");
            EVP_aes_192_cbc = (delegate* unmanaged<nint>)Bind("EVP_aes_192_cbc");
            EVP_aes_256_cbc = (delegate* unmanaged<nint>)Bind("EVP_aes_256_cbc");

            if (complete)
            {
                LibraryName = name;
                IsAvailable = true;
                return;
            }
        }
    }

    /// <summary>True when a libcrypto loaded with every export bound.</summary>
    public static bool IsAvailable { get; }

    /// <summary>The candidate name that loaded, for diagnostics ("libcrypto.so.3").</summary>
    public static string? LibraryName { get; }
}

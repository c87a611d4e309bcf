using System.Security.Cryptography;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// Modular exponentiation with libcrypto's BN_mod_exp_mont. The prime of each group
/// and its Montgomery context are built once and kept for the life of the process
/// (four groups at most); BN_mod_exp_mont only reads them, so concurrent calls are safe.
/// </summary>
internal sealed unsafe class LibCryptoModularExponentiation : IModularExponentiation
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (nint Prime, nint Montgomery)> _groups = [];

    public LibCryptoModularExponentiation()
    {
        if (!LibCrypto.IsAvailable)
        {
            throw new InvalidOperationException("libcrypto is not available");
        }
    }

    public string Name => $"OpenSSL {LibCrypto.LibraryName}";

    public void GeneratorPower(ModpGroup group, ReadOnlySpan<byte> exponent, Span<byte> result)
    {
        (nint prime, nint montgomery) = GetGroup(group);
        nint context = LibCrypto.BN_CTX_new();
        nint power = LibCrypto.BN_new();
        nint exponentNumber = FromBytes(exponent);
        try
        {
            Check(context != 0 && power != 0 && exponentNumber != 0, "BN allocation");
            int ok = LibCrypto.BN_mod_exp_mont_word(
                power, (nuint)group.Generator, exponentNumber, prime, context, montgomery);
            Check(ok == 1, "BN_mod_exp_mont_word");
            ToBytes(power, result, group.Length);
        }
        finally
        {
            LibCrypto.BN_clear_free(exponentNumber);
            LibCrypto.BN_free(power);
            LibCrypto.BN_CTX_free(context);
        }
    }

    public void Power(
        ModpGroup group, ReadOnlySpan<byte> value, ReadOnlySpan<byte> exponent, Span<byte> result)
    {
        (nint prime, nint montgomery) = GetGroup(group);
        nint context = LibCrypto.BN_CTX_new();
        nint power = LibCrypto.BN_new();
        nint valueNumber = FromBytes(value);
        nint exponentNumber = FromBytes(exponent);
        try
        {
            Check(context != 0 && power != 0 && valueNumber != 0 && exponentNumber != 0,
                "BN allocation");
            int ok = LibCrypto.BN_mod_exp_mont(
                power, valueNumber, exponentNumber, prime, context, montgomery);
            Check(ok == 1, "BN_mod_exp_mont");
            ToBytes(power, result, group.Length);
        }
        finally
        {
            LibCrypto.BN_clear_free(exponentNumber);
            LibCrypto.BN_free(valueNumber);
            LibCrypto.BN_clear_free(power);
            LibCrypto.BN_CTX_free(context);
        }
    }

    private (nint Prime, nint Montgomery) GetGroup(ModpGroup group)
    {
        lock (_gate)
        {
            if (_groups.TryGetValue(group.Number, out var known))
            {
                return known;
            }

            nint prime = FromBytes(group.Prime);
            nint montgomery = LibCrypto.BN_MONT_CTX_new();
            nint context = LibCrypto.BN_CTX_new();
            Check(prime != 0 && montgomery != 0 && context != 0, "BN allocation");
            int ok = LibCrypto.BN_MONT_CTX_set(montgomery, prime, context);
            LibCrypto.BN_CTX_free(context);
            Check(ok == 1, "BN_MONT_CTX_set");

            _groups[group.Number] = (prime, montgomery);
            return (prime, montgomery);
        }
    }

    private static nint FromBytes(ReadOnlySpan<byte> bigEndian)
    {
        fixed (byte* bytes = bigEndian)
        {
            return LibCrypto.BN_bin2bn(bytes, bigEndian.Length, 0);
        }
    }

    private static void ToBytes(nint number, Span<byte> result, int length)
    {
        Span<byte> padded = result[..length];
        fixed (byte* bytes = padded)
        {
            int written = LibCrypto.BN_bn2binpad(number, bytes, length);
            Check(written == length, "BN_bn2binpad");
        }
    }

    // A failing BN call means allocation failure or a bug of ours, never peer input.
    private static void Check(bool condition, string operation)
    {
        if (!condition)
        {
            throw new CryptographicException($"libcrypto {operation} failed");
        }
    }
}

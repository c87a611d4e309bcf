using System.Diagnostics.CodeAnalysis;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// MODP Diffie-Hellman (RFC 2409 5, RFC 3526). <see cref="Default"/> computes with
/// OpenSSL libcrypto; the <see cref="Managed"/> BigInteger engine exists only for
/// machines without libcrypto and for tests that compare the two.
/// </summary>
public sealed class DiffieHellman
{
    private readonly IModularExponentiation _engine;

    private DiffieHellman(IModularExponentiation engine)
    {
        _engine = engine;
    }

    /// <summary>The libcrypto engine, or null when libcrypto could not be loaded.</summary>
    public static DiffieHellman? Native { get; } =
        LibCrypto.IsAvailable ? new(new LibCryptoModularExponentiation()) : null;

    /// <summary>The BigInteger.ModPow engine: 10-14 times slower, a fallback only.</summary>
    public static DiffieHellman Managed { get; } = new(new ManagedModularExponentiation());

    /// <summary>libcrypto when available, otherwise the managed fallback.</summary>
    public static DiffieHellman Default => Native ?? Managed;

    /// <summary>"OpenSSL libcrypto.so.3" or "managed BigInteger", for diagnostics.</summary>
    public string EngineName => _engine.Name;

    /// <summary>Draws x from <paramref name="random"/> and computes g^x mod p.</summary>
    public DiffieHellmanKeyPair GenerateKeyPair(ModpGroup group, Random random) =>
        GenerateKeyPair(group, random.NextBytes);

    /// <summary>
    /// Draws the private exponent x from <paramref name="random"/> (the lab's seeded
    /// source) and computes the public value g^x mod p.
    /// </summary>
    /// <remarks>
    /// x has the group's full length with its top bit cleared, so 1 &lt; x &lt; p - 1
    /// once values below 2 are redrawn (every MODP prime has its top 64 bits set).
    /// </remarks>
    public DiffieHellmanKeyPair GenerateKeyPair(ModpGroup group, RandomFill random)
    {
        byte[] privateExponent = new byte[group.Length];
        do
        {
            random(privateExponent);
            privateExponent[0] &= 0x7F;
        }
        while (IsBelowTwo(privateExponent));

        byte[] publicValue = new byte[group.Length];
        long started = DiffieHellmanCounters.Start();
        _engine.GeneratorPower(group, privateExponent, publicValue);
        DiffieHellmanCounters.Stop(started);
        return new DiffieHellmanKeyPair(group, privateExponent, publicValue);
    }

    /// <summary>
    /// Computes g^xy = peerPublicValue^x mod p into <paramref name="sharedSecret"/>,
    /// padded to the group length. False when the peer's value is not a valid public
    /// value for the group (see <see cref="IsValidPublicValue"/>).
    /// </summary>
    public bool TryComputeSharedSecret(
        ModpGroup group,
        ReadOnlySpan<byte> privateExponent,
        ReadOnlySpan<byte> peerPublicValue,
        Span<byte> sharedSecret)
    {
        if (!IsValidPublicValue(group, peerPublicValue))
        {
            return false;
        }

        if (sharedSecret.Length < group.Length)
        {
            throw new ArgumentException("shorter than the group length", nameof(sharedSecret));
        }

        long started = DiffieHellmanCounters.Start();
        _engine.Power(group, peerPublicValue, privateExponent, sharedSecret);
        DiffieHellmanCounters.Stop(started);
        return true;
    }

    /// <summary>Allocating convenience form of the span overload, for the control plane.</summary>
    public bool TryComputeSharedSecret(
        DiffieHellmanKeyPair ownKeys,
        ReadOnlySpan<byte> peerPublicValue,
        [NotNullWhen(true)] out byte[]? sharedSecret)
    {
        byte[] secret = new byte[ownKeys.Group.Length];
        if (!TryComputeSharedSecret(
            ownKeys.Group, ownKeys.PrivateExponent, peerPublicValue, secret))
        {
            sharedSecret = null;
            return false;
        }

        sharedSecret = secret;
        return true;
    }

    /// <summary>
    /// True when <paramref name="publicValue"/> has exactly the prime's length (RFC 2409 5:
    /// the KE value "MUST be the length of the prime") and 1 &lt; y &lt; p - 1, which rules
    /// out the small-subgroup values 0, 1 and p - 1 (RFC 2631 2.1.5 style check).
    /// </summary>
    public static bool IsValidPublicValue(ModpGroup group, ReadOnlySpan<byte> publicValue)
    {
        if (publicValue.Length != group.Length || IsBelowTwo(publicValue))
        {
            return false;
        }

        // Every MODP prime ends in 0xFF, so p - 1 is p with its last byte 0xFE.
        ReadOnlySpan<byte> prime = group.Prime;
        int leading = publicValue[..^1].SequenceCompareTo(prime[..^1]);
        if (leading != 0)
        {
            return leading < 0;
        }

        return publicValue[^1] < prime[^1] - 1;
    }

    private static bool IsBelowTwo(ReadOnlySpan<byte> bigEndian) =>
        bigEndian[..^1].IndexOfAnyExcept((byte)0) < 0 && bigEndian[^1] < 2;
}

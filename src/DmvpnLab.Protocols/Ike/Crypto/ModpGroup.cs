namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// A MODP Diffie-Hellman group: RFC 2409 6.1 (group 1, 768 bits) and 6.2 (group 2,
/// 1024 bits), RFC 3526 2 (group 5, 1536 bits) and 3 (group 14, 2048 bits).
/// Every group has generator 2.
/// </summary>
/// <remarks>
/// Each prime is 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k). The hex below
/// was computed from that formula and checked against libcrypto's BN_get_rfc* primes.
/// </remarks>
public sealed class ModpGroup
{
    /// <summary>Group 1, the 768-bit "First Oakley Group" (RFC 2409 6.1).</summary>
    public static readonly ModpGroup Group1 = new(1, 768,
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74" +
        "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437" +
        "4FE1356D6D51C245E485B576625E7EC6F44C42E9A63A3620FFFFFFFFFFFFFFFF");

    /// <summary>Group 2, the 1024-bit "Second Oakley Group" (RFC 2409 6.2).</summary>
    public static readonly ModpGroup Group2 = new(2, 1024,
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74" +
        "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437" +
        "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF");

    /// <summary>Group 5, 1536 bits (RFC 3526 2).</summary>
    public static readonly ModpGroup Group5 = new(5, 1536,
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74" +
        "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437" +
        "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05" +
        "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB" +
        "9ED529077096966D670C354E4ABC9804F1746C08CA237327FFFFFFFFFFFFFFFF");

    /// <summary>Group 14, 2048 bits (RFC 3526 3).</summary>
    public static readonly ModpGroup Group14 = new(14, 2048,
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74" +
        "020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437" +
        "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05" +
        "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB" +
        "9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718" +
        "3995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF");

    private readonly byte[] _prime;

    private ModpGroup(int number, int bitLength, string primeHex)
    {
        Number = number;
        BitLength = bitLength;
        _prime = Convert.FromHexString(primeHex);
    }

    /// <summary>The IKE group description value (RFC 2409 Appendix A, attribute 4).</summary>
    public int Number { get; }

    /// <summary>Length of the prime in bits.</summary>
    public int BitLength { get; }

    /// <summary>Length in bytes of the prime, of public values and of the shared secret.</summary>
    public int Length => _prime.Length;

    /// <summary>The generator; 2 for every MODP group here.</summary>
    public int Generator => 2;

    /// <summary>The prime, big-endian.</summary>
    public ReadOnlySpan<byte> Prime => _prime;

    /// <summary>The group for an IKE group description value; null for others.</summary>
    public static ModpGroup? FromNumber(int number) => number switch
    {
        1 => Group1,
        2 => Group2,
        5 => Group5,
        14 => Group14,
        _ => null,
    };

    public override string ToString() => $"MODP group {Number} ({BitLength} bits)";
}

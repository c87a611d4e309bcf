namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// One side's MODP Diffie-Hellman keys: the private exponent x and the public value
/// g^x mod p (big-endian, padded to the group length as the KE payload carries it,
/// RFC 2409 5).
/// </summary>
public sealed class DiffieHellmanKeyPair
{
    internal DiffieHellmanKeyPair(ModpGroup group, byte[] privateExponent, byte[] publicValue)
    {
        Group = group;
        PrivateExponent = privateExponent;
        PublicValue = publicValue;
    }

    public ModpGroup Group { get; }

    /// <summary>x, big-endian, group length.</summary>
    public byte[] PrivateExponent { get; }

    /// <summary>g^x mod p, big-endian, group length.</summary>
    public byte[] PublicValue { get; }
}

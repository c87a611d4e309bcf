// `crypto isakmp policy N`: one protection suite that IOS offers, in priority order, as a
// transform of the single proposal in Main Mode message 1 (RFC 2409 5, Appendix A).
using DmvpnLab.Protocols.Ike.Crypto;
using DmvpnLab.Wire.Isakmp;
using IkeHash = DmvpnLab.Wire.Isakmp.IkeHashAlgorithm;

namespace DmvpnLab.Protocols.Ike.Config;

/// <summary>One ISAKMP policy; unset fields keep IOS's defaults.</summary>
public sealed class IsakmpPolicy
{
    /// <summary>IOS: a policy lives a day unless `lifetime` says otherwise.</summary>
    public const int DefaultLifetimeSeconds = 86_400;

    public IsakmpPolicy(int priority)
    {
        Priority = priority;
    }

    public int Priority { get; }

    /// <summary>IOS's default is DES (56-bit keys).</summary>
    public IkeEncryptionAlgorithm Encryption { get; set; } = IkeEncryptionAlgorithm.DesCbc;

    /// <summary>AES key length in bits (128 unless `encryption aes 192|256`).</summary>
    public int KeyLengthBits { get; set; } = 128;

    /// <summary>IOS's default hash: SHA-1.</summary>
    public const IkeHash DefaultHash = IkeHash.Sha;

    public IkeHash Hash { get; set; } = DefaultHash;

    /// <summary>IOS's default is RSA signatures.</summary>
    public IkeAuthenticationMethod Authentication { get; set; } =
        IkeAuthenticationMethod.RsaSignatures;

    /// <summary>IOS's default is group 1 (768 bits).</summary>
    public int Group { get; set; } = 1;

    public int LifetimeSeconds { get; set; } = DefaultLifetimeSeconds;

    /// <summary>
    /// Whether this emulator can run the suite: pre-shared keys with 3DES or AES. DES and
    /// RSA authentication are accepted in the config and shown, but never offered or
    /// accepted (a known limit: the finished crypto has no single DES, no certificates).
    /// </summary>
    public bool IsUsable =>
        Authentication == IkeAuthenticationMethod.PreSharedKey
        && Encryption is IkeEncryptionAlgorithm.TripleDesCbc or IkeEncryptionAlgorithm.AesCbc
        && ModpGroup.FromNumber(Group) is not null;

    /// <summary>The `encryption` words as the running config prints them (3des, aes 256).</summary>
    public string EncryptionConfigText => Encryption switch
    {
        IkeEncryptionAlgorithm.TripleDesCbc => "3des",
        IkeEncryptionAlgorithm.AesCbc => KeyLengthBits == 128 ? "aes" : $"aes {KeyLengthBits}",
        _ => "des",
    };

    /// <summary>The `hash` word as IOS prints it.</summary>
    public string HashConfigText => Hash switch
    {
        IkeHash.Md5 => "md5",
        IkeHash.Sha256 => "sha256",
        IkeHash.Sha384 => "sha384",
        IkeHash.Sha512 => "sha512",
        _ => "sha",
    };

    /// <summary>The cipher of the finished crypto for this suite.</summary>
    public IsakmpEncryptionAlgorithm CipherAlgorithm => Encryption switch
    {
        IkeEncryptionAlgorithm.TripleDesCbc => IsakmpEncryptionAlgorithm.TripleDesCbc,
        _ => KeyLengthBits switch
        {
            192 => IsakmpEncryptionAlgorithm.AesCbc192,
            256 => IsakmpEncryptionAlgorithm.AesCbc256,
            _ => IsakmpEncryptionAlgorithm.AesCbc128,
        },
    };

    /// <summary>The prf's hash: the attribute values are the same numbers (RFC 2409 4).</summary>
    public Crypto.IkeHashAlgorithm PrfHash => (Crypto.IkeHashAlgorithm)(int)Hash;

    /// <summary>
    /// The phase 1 transform IOS sends for this policy: encryption, key length (AES only),
    /// hash, group, authentication, life type and a 4-byte life duration, in that order
    /// (refdata ISAKMP_sa_setup.pcap, message 1).
    /// </summary>
    public IsakmpTransformPayload ToTransform(byte number)
    {
        var transform = new IsakmpTransformPayload
        {
            TransformNumber = number,
            TransformId = IsakmpTransformPayload.KeyIke,
        };
        var attributes = transform.Attributes;
        attributes.Add(IsakmpAttribute.Basic(
            (ushort)IkeAttributeType.EncryptionAlgorithm, (ushort)Encryption));
        if (Encryption == IkeEncryptionAlgorithm.AesCbc)
        {
            attributes.Add(IsakmpAttribute.Basic(
                (ushort)IkeAttributeType.KeyLength, (ushort)KeyLengthBits));
        }

        attributes.Add(IsakmpAttribute.Basic((ushort)IkeAttributeType.HashAlgorithm, (ushort)Hash));
        attributes.Add(IsakmpAttribute.Basic((ushort)IkeAttributeType.GroupDescription,
            (ushort)Group));
        attributes.Add(IsakmpAttribute.Basic((ushort)IkeAttributeType.AuthenticationMethod,
            (ushort)Authentication));
        attributes.Add(IsakmpAttribute.Basic((ushort)IkeAttributeType.LifeType,
            (ushort)IkeLifeType.Seconds));
        attributes.Add(IsakmpAttribute.Variable((ushort)IkeAttributeType.LifeDuration,
            (uint)LifetimeSeconds));
        return transform;
    }

    /// <summary>
    /// RFC 2409 5: the responder accepts a transform whose attributes all match one of its
    /// policies, the lifetime excepted (IOS accepts a peer lifetime and uses the shorter).
    /// </summary>
    public bool Matches(IsakmpTransformPayload transform, out int lifetimeSeconds)
    {
        lifetimeSeconds = LifetimeSeconds;
        if (transform.TransformId != IsakmpTransformPayload.KeyIke)
        {
            return false;
        }

        int keyLength = 0;
        bool encryption = false, hash = false, group = false, authentication = false;
        bool lifeInSeconds = true;
        foreach (var attribute in transform.Attributes)
        {
            if (!attribute.TryGetInteger(out ulong value))
            {
                return false;
            }

            switch ((IkeAttributeType)attribute.Type)
            {
                case IkeAttributeType.EncryptionAlgorithm:
                    encryption = value == (ulong)Encryption;
                    break;
                case IkeAttributeType.KeyLength:
                    keyLength = (int)value;
                    break;
                case IkeAttributeType.HashAlgorithm:
                    hash = value == (ulong)Hash;
                    break;
                case IkeAttributeType.GroupDescription:
                    group = value == (ulong)Group;
                    break;
                case IkeAttributeType.AuthenticationMethod:
                    authentication = value == (ulong)Authentication;
                    break;
                case IkeAttributeType.LifeType:
                    lifeInSeconds = value == (ulong)IkeLifeType.Seconds;
                    break;
                case IkeAttributeType.LifeDuration when lifeInSeconds && value > 0:
                    lifetimeSeconds = (int)Math.Min(value, (ulong)LifetimeSeconds);
                    break;
            }
        }

        bool keyLengthMatches = Encryption != IkeEncryptionAlgorithm.AesCbc
            || (keyLength == 0 ? 128 : keyLength) == KeyLengthBits;
        return encryption && hash && group && authentication && keyLengthMatches;
    }
}

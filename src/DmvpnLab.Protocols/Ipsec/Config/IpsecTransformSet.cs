// `crypto ipsec transform-set NAME esp-… esp-…`: what Quick Mode proposes for ESP
// (RFC 2407 4.4.4 transform IDs, 4.5 attributes) and the encapsulation mode.
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec.Config;

/// <summary>One transform set: an ESP cipher, an ESP HMAC and a mode.</summary>
public sealed class IpsecTransformSet
{
    private IpsecTransformSet(string name, string cipherName, string integrityName,
        EspEncryptionAlgorithm encryption, int keyLengthBits, EspIntegrityAlgorithm integrity)
    {
        Name = name;
        CipherName = cipherName;
        IntegrityName = integrityName;
        Encryption = encryption;
        KeyLengthBits = keyLengthBits;
        Integrity = integrity;
    }

    public string Name { get; }

    /// <summary>The words as IOS prints them in `show crypto ipsec sa` (esp-3des,
    /// esp-256-aes …).</summary>
    public string CipherName { get; }

    public string IntegrityName { get; }

    /// <summary>
    /// The transform words as the running config prints them: the command's own form
    /// (esp-aes 256, not the show form esp-256-aes).
    /// </summary>
    public string ConfigText => $"{CipherConfigName} {IntegrityName}";

    private string CipherConfigName => Encryption == EspEncryptionAlgorithm.TripleDesCbc
        ? CipherName
        : KeyLengthBits == 128 ? "esp-aes" : $"esp-aes {KeyLengthBits}";

    public EspEncryptionAlgorithm Encryption { get; }

    public int KeyLengthBits { get; }

    public EspIntegrityAlgorithm Integrity { get; }

    /// <summary>IOS's default mode is tunnel.</summary>
    public IpsecEncapsulationMode Mode { get; set; } = IpsecEncapsulationMode.Tunnel;

    public int EncryptionKeyLength => Encryption == EspEncryptionAlgorithm.TripleDesCbc
        ? 24
        : KeyLengthBits / 8;

    public int IntegrityKeyLength => Integrity == EspIntegrityAlgorithm.HmacMd596 ? 16 : 20;

    public string TransformText => $"{CipherName} {IntegrityName} ";

    /// <summary>
    /// Reads the transform words of the command. False, with the offending word, when IOS
    /// would refuse the line; ciphers this emulator cannot run (esp-des, esp-null, GCM,
    /// SHA-2 HMACs) are refused too, a known limit.
    /// </summary>
    public static bool TryParse(string name, IReadOnlyList<string> words,
        out IpsecTransformSet? transformSet, out string? badWord)
    {
        transformSet = null;
        badWord = null;
        EspEncryptionAlgorithm? encryption = null;
        EspIntegrityAlgorithm? integrity = null;
        string cipherName = "", integrityName = "";
        int keyLength = 0;
        for (int i = 0; i < words.Count; i++)
        {
            string word = words[i].ToLowerInvariant();
            switch (word)
            {
                case "esp-3des" when encryption is null:
                    (encryption, cipherName, keyLength) = (EspEncryptionAlgorithm.TripleDesCbc,
                        "esp-3des", 192);
                    break;
                case "esp-aes" when encryption is null:
                    keyLength = 128;
                    if (i + 1 < words.Count && words[i + 1] is "128" or "192" or "256")
                    {
                        keyLength = int.Parse(words[++i]);
                    }

                    encryption = EspEncryptionAlgorithm.AesCbc;
                    cipherName = keyLength == 128 ? "esp-aes" : $"esp-{keyLength}-aes";
                    break;
                case "esp-md5-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacMd596, word);
                    break;
                case "esp-sha-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacSha196, word);
                    break;
                default:
                    badWord = words[i];
                    return false;
            }
        }

        if (encryption is null || integrity is null)
        {
            badWord = "";
            return false;
        }

        transformSet = new IpsecTransformSet(name, cipherName, integrityName, encryption.Value,
            keyLength, integrity.Value);
        return true;
    }

    /// <summary>The ESP transform ID of the Quick Mode proposal (RFC 2407 4.4.4).</summary>
    public byte TransformId => Encryption == EspEncryptionAlgorithm.TripleDesCbc
        ? (byte)EspTransformId.TripleDes
        : (byte)EspTransformId.Aes;

    /// <summary>
    /// The Quick Mode transform IOS sends: encapsulation mode, life type seconds and its
    /// duration, life type kilobytes and its 4-byte duration, then the authenticator
    /// (refdata debug-crypto-isakmp.txt, "attributes in transform"); AES adds a key length.
    /// </summary>
    public IsakmpTransformPayload ToTransform(byte number, int lifetimeSeconds,
        long lifetimeKilobytes)
    {
        var transform = new IsakmpTransformPayload
        {
            TransformNumber = number,
            TransformId = TransformId,
        };
        var attributes = transform.Attributes;
        attributes.Add(IsakmpAttribute.Basic((ushort)IpsecAttributeType.EncapsulationMode,
            (ushort)Mode));
        attributes.Add(IsakmpAttribute.Basic((ushort)IpsecAttributeType.SaLifeType,
            (ushort)IkeLifeType.Seconds));
        attributes.Add(lifetimeSeconds <= ushort.MaxValue
            ? IsakmpAttribute.Basic((ushort)IpsecAttributeType.SaLifeDuration,
                (ushort)lifetimeSeconds)
            : IsakmpAttribute.Variable((ushort)IpsecAttributeType.SaLifeDuration,
                (uint)lifetimeSeconds));
        attributes.Add(IsakmpAttribute.Basic((ushort)IpsecAttributeType.SaLifeType,
            (ushort)IkeLifeType.Kilobytes));
        attributes.Add(IsakmpAttribute.Variable((ushort)IpsecAttributeType.SaLifeDuration,
            (uint)lifetimeKilobytes));
        attributes.Add(IsakmpAttribute.Basic(
            (ushort)IpsecAttributeType.AuthenticationAlgorithm, (ushort)Integrity));
        if (Encryption == EspEncryptionAlgorithm.AesCbc)
        {
            attributes.Add(IsakmpAttribute.Basic((ushort)IpsecAttributeType.KeyLength,
                (ushort)KeyLengthBits));
        }

        return transform;
    }

    /// <summary>
    /// Whether a peer's ESP transform is this set: same cipher, key length, HMAC and mode.
    /// The lifetimes come back as offered (zero when absent) for the caller to shorten.
    /// </summary>
    public bool Matches(IsakmpTransformPayload transform, out int lifetimeSeconds,
        out long lifetimeKilobytes)
    {
        lifetimeSeconds = 0;
        lifetimeKilobytes = 0;
        if (transform.TransformId != TransformId)
        {
            return false;
        }

        var lifeType = IkeLifeType.Seconds;
        int keyLength = Encryption == EspEncryptionAlgorithm.AesCbc ? 0 : KeyLengthBits;
        bool mode = false, integrity = false;
        foreach (var attribute in transform.Attributes)
        {
            if (!attribute.TryGetInteger(out ulong value))
            {
                return false;
            }

            switch ((IpsecAttributeType)attribute.Type)
            {
                case IpsecAttributeType.EncapsulationMode:
                    mode = value == (ulong)Mode;
                    break;
                case IpsecAttributeType.AuthenticationAlgorithm:
                    integrity = value == (ulong)Integrity;
                    break;
                case IpsecAttributeType.KeyLength:
                    keyLength = (int)value;
                    break;
                case IpsecAttributeType.SaLifeType:
                    lifeType = (IkeLifeType)value;
                    break;
                case IpsecAttributeType.SaLifeDuration when lifeType == IkeLifeType.Seconds:
                    lifetimeSeconds = (int)Math.Min(value, int.MaxValue);
                    break;
                case IpsecAttributeType.SaLifeDuration:
                    lifetimeKilobytes = (long)Math.Min(value, long.MaxValue);
                    break;
                default:
                    // RFC 2407 4.5: an attribute we do not know (PFS group …) makes the
                    // transform unacceptable.
                    return false;
            }
        }

        return mode && integrity && keyLength == KeyLengthBits;
    }
}

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
    public string ConfigText => IntegrityName.Length == 0
        ? CipherConfigName
        : $"{CipherConfigName} {IntegrityName}";

    private string CipherConfigName => Encryption switch
    {
        EspEncryptionAlgorithm.TripleDesCbc => CipherName,
        EspEncryptionAlgorithm.AesGcm16 => CipherName,
        _ => KeyLengthBits == 128 ? "esp-aes" : $"esp-aes {KeyLengthBits}",
    };

    /// <summary>The transforms as IOS lists them in show commands, each followed by a
    /// space: "esp-256-aes esp-sha256-hmac ".</summary>
    public string TransformText => IntegrityName.Length == 0
        ? $"{CipherName} "
        : $"{CipherName} {IntegrityName} ";

    public EspEncryptionAlgorithm Encryption { get; }

    public int KeyLengthBits { get; }

    public EspIntegrityAlgorithm Integrity { get; }

    /// <summary>IOS's default mode is tunnel.</summary>
    public IpsecEncapsulationMode Mode { get; set; } = IpsecEncapsulationMode.Tunnel;

    /// <summary>KEYMAT for the cipher: AES-GCM adds its 4-byte salt (RFC 4106 8.1).</summary>
    public int EncryptionKeyLength => Encryption switch
    {
        EspEncryptionAlgorithm.TripleDesCbc => 24,
        EspEncryptionAlgorithm.AesGcm16 => KeyLengthBits / 8 + 4,
        _ => KeyLengthBits / 8,
    };

    /// <summary>HMAC keys are as long as the hash output (RFC 2403, 2404, 4868 2.1.1).</summary>
    public int IntegrityKeyLength => Integrity switch
    {
        EspIntegrityAlgorithm.HmacMd596 => 16,
        EspIntegrityAlgorithm.HmacSha196 => 20,
        EspIntegrityAlgorithm.HmacSha256128 => 32,
        EspIntegrityAlgorithm.HmacSha384192 => 48,
        EspIntegrityAlgorithm.HmacSha512256 => 64,
        _ => 0,
    };

    private bool HasKeyLength => Encryption != EspEncryptionAlgorithm.TripleDesCbc;

    /// <summary>
    /// Reads the transform words of the command. False, with the offending word, when IOS
    /// would refuse the line; ciphers this emulator cannot run (esp-des, esp-null,
    /// esp-gmac, AH) are refused too, a known limit. esp-gcm takes no HMAC (RFC 4106 4).
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
                case "esp-gcm" when encryption is null:
                    keyLength = 128;
                    if (i + 1 < words.Count && words[i + 1] is "128" or "256")
                    {
                        keyLength = int.Parse(words[++i]);
                    }

                    encryption = EspEncryptionAlgorithm.AesGcm16;
                    cipherName = keyLength == 128 ? "esp-gcm" : $"esp-gcm {keyLength}";
                    break;
                case "esp-md5-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacMd596, word);
                    break;
                case "esp-sha-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacSha196, word);
                    break;
                case "esp-sha256-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacSha256128, word);
                    break;
                case "esp-sha384-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacSha384192, word);
                    break;
                case "esp-sha512-hmac" when integrity is null:
                    (integrity, integrityName) = (EspIntegrityAlgorithm.HmacSha512256, word);
                    break;
                default:
                    badWord = words[i];
                    return false;
            }
        }

        // AES-GCM is a combined mode: alone, never with an HMAC (RFC 4106 4).
        bool combined = encryption == EspEncryptionAlgorithm.AesGcm16;
        if (encryption is null || (integrity is null) != combined)
        {
            badWord = "";
            return false;
        }

        integrity ??= EspIntegrityAlgorithm.None;

        transformSet = new IpsecTransformSet(name, cipherName, integrityName, encryption.Value,
            keyLength, integrity.Value);
        return true;
    }

    /// <summary>The ESP transform ID of the Quick Mode proposal (RFC 2407 4.4.4).</summary>
    public byte TransformId => (byte)Encryption;

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
        if (Integrity != EspIntegrityAlgorithm.None)
        {
            attributes.Add(IsakmpAttribute.Basic(
                (ushort)IpsecAttributeType.AuthenticationAlgorithm, (ushort)Integrity));
        }

        if (HasKeyLength)
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
        int keyLength = HasKeyLength ? 0 : KeyLengthBits;
        bool mode = false, integrity = Integrity == EspIntegrityAlgorithm.None;
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

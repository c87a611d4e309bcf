using System.Buffers.Binary;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// IKEv1 keys and authentication hashes for pre-shared-key authentication (RFC 2409 5,
/// 5.4, 5.5, 5.7 and Appendix B). The prf is HMAC with the negotiated hash. Inputs are
/// payload bodies ("_b": without the generic payload header), cookies are 8 bytes and
/// g^xy is the padded shared secret.
/// </summary>
public sealed class Ikev1KeyMaterial
{
    private Ikev1KeyMaterial(
        IkeHashAlgorithm hash,
        IsakmpEncryptionAlgorithm encryption,
        byte[] initiatorCookie,
        byte[] responderCookie,
        byte[] skeyid,
        byte[] skeyidD,
        byte[] skeyidA,
        byte[] skeyidE,
        byte[] encryptionKey)
    {
        Hash = hash;
        Encryption = encryption;
        InitiatorCookie = initiatorCookie;
        ResponderCookie = responderCookie;
        Skeyid = skeyid;
        SkeyidD = skeyidD;
        SkeyidA = skeyidA;
        SkeyidE = skeyidE;
        EncryptionKey = encryptionKey;
    }

    public IkeHashAlgorithm Hash { get; }

    public IsakmpEncryptionAlgorithm Encryption { get; }

    /// <summary>CKY-I, 8 bytes.</summary>
    public byte[] InitiatorCookie { get; }

    /// <summary>CKY-R, 8 bytes.</summary>
    public byte[] ResponderCookie { get; }

    /// <summary>SKEYID = prf(pre-shared-key, Ni_b | Nr_b).</summary>
    public byte[] Skeyid { get; }

    /// <summary>SKEYID_d, the source of phase-2 KEYMAT.</summary>
    public byte[] SkeyidD { get; }

    /// <summary>SKEYID_a, the key of the phase-2 and informational HASH payloads.</summary>
    public byte[] SkeyidA { get; }

    /// <summary>SKEYID_e, the source of the phase-1 encryption key.</summary>
    public byte[] SkeyidE { get; }

    /// <summary>The ISAKMP SA's encryption key, SKEYID_e expanded (Appendix B).</summary>
    public byte[] EncryptionKey { get; }

    /// <summary>Derives every phase-1 key (RFC 2409 5: pre-shared key authentication).</summary>
    public static Ikev1KeyMaterial FromPreSharedKey(
        IkeHashAlgorithm hash,
        IsakmpEncryptionAlgorithm encryption,
        ReadOnlySpan<byte> preSharedKey,
        ReadOnlySpan<byte> initiatorNonce,
        ReadOnlySpan<byte> responderNonce,
        ReadOnlySpan<byte> sharedSecret,
        ReadOnlySpan<byte> initiatorCookie,
        ReadOnlySpan<byte> responderCookie)
    {
        byte[] cookieI = initiatorCookie.ToArray();
        byte[] cookieR = responderCookie.ToArray();
        byte[] gxy = sharedSecret.ToArray();

        byte[] skeyid = IkePrf.Compute(
            hash, preSharedKey, initiatorNonce.ToArray(), responderNonce.ToArray());
        byte[] skeyidD = IkePrf.Compute(hash, skeyid, gxy, cookieI, cookieR, [0]);
        byte[] skeyidA = IkePrf.Compute(hash, skeyid, skeyidD, gxy, cookieI, cookieR, [1]);
        byte[] skeyidE = IkePrf.Compute(hash, skeyid, skeyidA, gxy, cookieI, cookieR, [2]);
        byte[] encryptionKey = ExpandEncryptionKey(hash, skeyidE, encryption.KeyLength());

        return new Ikev1KeyMaterial(
            hash, encryption, cookieI, cookieR, skeyid, skeyidD, skeyidA, skeyidE,
            encryptionKey);
    }

    /// <summary>
    /// RFC 2409 Appendix B: when SKEYID_e is shorter than the key, Ka = K1 | K2 | ...
    /// with K1 = prf(SKEYID_e, 0) (one zero octet) and Kn+1 = prf(SKEYID_e, Kn);
    /// otherwise the key is the leading bytes of SKEYID_e.
    /// </summary>
    internal static byte[] ExpandEncryptionKey(
        IkeHashAlgorithm hash, byte[] skeyidE, int keyLength)
    {
        if (skeyidE.Length >= keyLength)
        {
            return skeyidE[..keyLength];
        }

        byte[] key = new byte[keyLength];
        byte[] block = [0];
        for (int filled = 0; filled < keyLength; filled += block.Length)
        {
            block = IkePrf.Compute(hash, skeyidE, block);
            block.AsSpan(0, Math.Min(block.Length, keyLength - filled))
                .CopyTo(key.AsSpan(filled));
        }

        return key;
    }

    /// <summary>HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b) (5).</summary>
    public byte[] ComputeHashI(
        ReadOnlySpan<byte> initiatorPublicValue,
        ReadOnlySpan<byte> responderPublicValue,
        ReadOnlySpan<byte> initiatorSaBody,
        ReadOnlySpan<byte> initiatorIdBody) =>
        IkePrf.Compute(
            Hash, Skeyid, initiatorPublicValue.ToArray(), responderPublicValue.ToArray(),
            InitiatorCookie, ResponderCookie, initiatorSaBody.ToArray(),
            initiatorIdBody.ToArray());

    /// <summary>
    /// HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b) (5): the
    /// responder's value and cookie come first; SAi_b is still the initiator's SA.
    /// </summary>
    public byte[] ComputeHashR(
        ReadOnlySpan<byte> initiatorPublicValue,
        ReadOnlySpan<byte> responderPublicValue,
        ReadOnlySpan<byte> initiatorSaBody,
        ReadOnlySpan<byte> responderIdBody) =>
        IkePrf.Compute(
            Hash, Skeyid, responderPublicValue.ToArray(), initiatorPublicValue.ToArray(),
            ResponderCookie, InitiatorCookie, initiatorSaBody.ToArray(),
            responderIdBody.ToArray());

    /// <summary>Phase-1 IV = hash(g^xi | g^xr), truncated to the block size (Appendix B).</summary>
    public byte[] ComputePhase1Iv(
        ReadOnlySpan<byte> initiatorPublicValue, ReadOnlySpan<byte> responderPublicValue) =>
        IkePrf.Hash(Hash, initiatorPublicValue.ToArray(), responderPublicValue.ToArray())
            [..Encryption.BlockSize()];

    /// <summary>
    /// IV of a quick mode or informational exchange = hash(last phase-1 CBC block | M-ID),
    /// truncated to the block size (Appendix B).
    /// </summary>
    public byte[] ComputePhase2Iv(ReadOnlySpan<byte> lastPhase1Block, uint messageId) =>
        ComputePhase2Iv(Hash, Encryption.BlockSize(), lastPhase1Block, messageId);

    internal static byte[] ComputePhase2Iv(
        IkeHashAlgorithm hash, int blockSize, ReadOnlySpan<byte> lastPhase1Block,
        uint messageId) =>
        IkePrf.Hash(hash, lastPhase1Block.ToArray(), IkePrf.MessageIdBytes(messageId))
            [..blockSize];

    /// <summary>
    /// Quick mode HASH(1) = prf(SKEYID_a, M-ID | SA | Ni [| KE] [| IDci | IDcr]) (5.5);
    /// <paramref name="payloadsAfterHash"/> is every payload after HASH, headers included.
    /// </summary>
    public byte[] ComputeQuickModeHash1(uint messageId, ReadOnlySpan<byte> payloadsAfterHash) =>
        IkePrf.Compute(
            Hash, SkeyidA, IkePrf.MessageIdBytes(messageId), payloadsAfterHash.ToArray());

    /// <summary>Quick mode HASH(2) = prf(SKEYID_a, M-ID | Ni_b | SA | Nr [| KE] [| IDs]).</summary>
    public byte[] ComputeQuickModeHash2(
        uint messageId, ReadOnlySpan<byte> initiatorNonce, ReadOnlySpan<byte> payloadsAfterHash) =>
        IkePrf.Compute(
            Hash, SkeyidA, IkePrf.MessageIdBytes(messageId), initiatorNonce.ToArray(),
            payloadsAfterHash.ToArray());

    /// <summary>Quick mode HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b).</summary>
    public byte[] ComputeQuickModeHash3(
        uint messageId, ReadOnlySpan<byte> initiatorNonce, ReadOnlySpan<byte> responderNonce) =>
        IkePrf.Compute(
            Hash, SkeyidA, [0], IkePrf.MessageIdBytes(messageId), initiatorNonce.ToArray(),
            responderNonce.ToArray());

    /// <summary>Informational HASH(1) = prf(SKEYID_a, M-ID | N/D) (5.7).</summary>
    public byte[] ComputeInformationalHash(uint messageId, ReadOnlySpan<byte> payloadsAfterHash) =>
        ComputeQuickModeHash1(messageId, payloadsAfterHash);

    /// <summary>
    /// Quick mode KEYMAT without PFS (5.5): K1 = prf(SKEYID_d, protocol | SPI | Ni_b | Nr_b),
    /// Kn+1 = prf(SKEYID_d, Kn | protocol | SPI | Ni_b | Nr_b), KEYMAT = K1 | K2 | ...
    /// Each direction has its own KEYMAT, keyed by the SPI its receiver chose. The ESP
    /// encryption key comes first, then the integrity key (RFC 2409 5.5).
    /// </summary>
    public byte[] ComputeQuickModeKeymat(
        byte protocol,
        uint spi,
        ReadOnlySpan<byte> initiatorNonce,
        ReadOnlySpan<byte> responderNonce,
        int length)
    {
        byte[] spiBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(spiBytes, spi);
        byte[] ni = initiatorNonce.ToArray();
        byte[] nr = responderNonce.ToArray();

        byte[] keymat = new byte[length];
        byte[] block = [];
        for (int filled = 0; filled < length; filled += block.Length)
        {
            block = IkePrf.Compute(Hash, SkeyidD, block, [protocol], spiBytes, ni, nr);
            block.AsSpan(0, Math.Min(block.Length, length - filled))
                .CopyTo(keymat.AsSpan(filled));
        }

        return keymat;
    }
}

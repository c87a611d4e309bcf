namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// CBC encryption of ISAKMP message bodies (everything after the 28-byte header) with
/// the IV chain of RFC 2409 Appendix B: the first phase-1 message uses
/// hash(g^xi | g^xr); every later message of an exchange uses the last ciphertext block
/// of the previous message of that exchange; a phase-2 (quick mode or informational)
/// exchange starts from hash(last phase-1 CBC block | M-ID).
/// </summary>
/// <remarks>
/// Bodies are padded with zero bytes to the block size. IKEv1 has no pad-length byte;
/// the receiver finds the end from the payload chain and the header length (Cisco IOS
/// pads this way too). Message ID 0 names the phase-1 exchange.
/// </remarks>
public sealed class IsakmpCipher : IDisposable
{
    private readonly CbcCipher _cipher;
    private readonly IkeHashAlgorithm _hash;
    private readonly byte[] _phase1Iv;
    private readonly Dictionary<uint, byte[]> _phase2Ivs = [];

    public IsakmpCipher(Ikev1KeyMaterial keys, ReadOnlySpan<byte> phase1Iv)
        : this(keys.Encryption, keys.Hash, keys.EncryptionKey, phase1Iv)
    {
    }

    public IsakmpCipher(
        IsakmpEncryptionAlgorithm encryption,
        IkeHashAlgorithm hash,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> phase1Iv,
        bool forceManaged = false)
    {
        _cipher = CbcCipher.Create(encryption.CipherKind(), key, forceManaged);
        _hash = hash;
        if (phase1Iv.Length != _cipher.BlockSize)
        {
            throw new ArgumentException("phase-1 IV must be one block", nameof(phase1Iv));
        }

        _phase1Iv = phase1Iv.ToArray();
    }

    public int BlockSize => _cipher.BlockSize;

    /// <summary>
    /// The last CBC block of the phase-1 exchange so far (the IV its next message uses);
    /// the seed of every phase-2 IV.
    /// </summary>
    public ReadOnlySpan<byte> LastPhase1Block => _phase1Iv;

    /// <summary>The body length after zero padding to the block size.</summary>
    public int GetEncryptedLength(int plaintextLength) =>
        (plaintextLength + BlockSize - 1) / BlockSize * BlockSize;

    /// <summary>The IV the next message of the exchange will use.</summary>
    public ReadOnlySpan<byte> GetIv(uint messageId) => IvFor(messageId);

    /// <summary>
    /// Zero-pads and encrypts <paramref name="plaintext"/> into
    /// <paramref name="destination"/> and advances the exchange's IV; returns the length.
    /// </summary>
    public int Encrypt(uint messageId, ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        int length = GetEncryptedLength(plaintext.Length);
        Span<byte> body = destination[..length];
        plaintext.CopyTo(body);
        body[plaintext.Length..].Clear();

        byte[] iv = IvFor(messageId);
        _cipher.Encrypt(iv, body, body);
        body[^BlockSize..].CopyTo(iv);
        return length;
    }

    /// <summary>
    /// Decrypts a body into <paramref name="destination"/> (same length, padding kept)
    /// and advances the exchange's IV. False, with the IV untouched, when the body is
    /// empty or not a whole number of blocks.
    /// </summary>
    public bool TryDecrypt(uint messageId, ReadOnlySpan<byte> ciphertext, Span<byte> destination)
    {
        if (ciphertext.IsEmpty || ciphertext.Length % BlockSize != 0)
        {
            return false;
        }

        if (destination.Length < ciphertext.Length)
        {
            throw new ArgumentException("shorter than the ciphertext", nameof(destination));
        }

        // Keep the last block first: decrypting in place overwrites it.
        Span<byte> nextIv = stackalloc byte[BlockSize];
        ciphertext[^BlockSize..].CopyTo(nextIv);

        byte[] iv = IvFor(messageId);
        _cipher.Decrypt(iv, ciphertext, destination[..ciphertext.Length]);
        nextIv.CopyTo(iv);
        return true;
    }

    /// <summary>
    /// Puts back an IV saved with <see cref="GetIv"/> before a decryption whose message
    /// then proved bad (wrong key, failed hash): a rejected message must not move the CBC
    /// chain, or the peer's valid retransmission would no longer decrypt.
    /// </summary>
    public void RestoreIv(uint messageId, ReadOnlySpan<byte> iv) => iv.CopyTo(IvFor(messageId));

    /// <summary>Forgets a finished phase-2 exchange's IV.</summary>
    public void EndExchange(uint messageId) => _phase2Ivs.Remove(messageId);

    public void Dispose() => _cipher.Dispose();

    private byte[] IvFor(uint messageId)
    {
        if (messageId == 0)
        {
            return _phase1Iv;
        }

        if (!_phase2Ivs.TryGetValue(messageId, out byte[]? iv))
        {
            iv = Ikev1KeyMaterial.ComputePhase2Iv(_hash, BlockSize, _phase1Iv, messageId);
            _phase2Ivs[messageId] = iv;
        }

        return iv;
    }
}

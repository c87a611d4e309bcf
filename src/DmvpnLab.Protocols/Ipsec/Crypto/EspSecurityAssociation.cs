using System.Buffers.Binary;
using System.Security.Cryptography;
using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// One ESP security association (RFC 4303): its SPI, sequence counter, keyed cipher and
/// integrity state, anti-replay window and the counters behind
/// <c>show crypto ipsec sa</c>. Cipher and HMAC objects are built once; encrypting and
/// decrypting a packet allocates nothing. Not thread-safe: one SA, one thread.
/// </summary>
/// <remarks>
/// RFC 4303 2:
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |               Security Parameters Index (SPI)                 |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                      Sequence Number                          |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                    IV (explicit, per cipher)                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |        Payload Data | Padding 1, 2, 3... | Pad Length | Next  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |         Integrity Check Value (ICV), 12 to 32 bytes           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </remarks>
public sealed class EspSecurityAssociation : IDisposable
{
    /// <summary>SPI and sequence number.</summary>
    public const int HeaderLength = 8;

    private const int SaltLength = 4;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _integrityKey;
    private readonly CbcCipher? _cbc;
    private readonly AesGcm? _gcm;
    private readonly byte[] _salt = [];
    private readonly IncrementalHash? _hmac;
    private readonly EspReplayWindow _replayWindow = new();
    private readonly long[] _drops = new long[Enum.GetValues<EspDropReason>().Length];
    private uint _sequenceNumber;

    public EspSecurityAssociation(
        uint spi,
        EspEncryptionAlgorithm encryption,
        ReadOnlySpan<byte> encryptionKey,
        EspIntegrityAlgorithm integrity,
        ReadOnlySpan<byte> integrityKey,
        bool forceManagedCipher = false)
    {
        Spi = spi;
        Encryption = encryption;
        Integrity = integrity;
        _encryptionKey = encryptionKey.ToArray();
        _integrityKey = integrityKey.ToArray();

        switch (encryption)
        {
            case EspEncryptionAlgorithm.TripleDesCbc:
                _cbc = CbcCipher.Create(
                    BlockCipherKind.TripleDes, encryptionKey, forceManagedCipher);
                IvLength = 8;
                PaddingBoundary = 8;
                break;
            case EspEncryptionAlgorithm.AesCbc:
                _cbc = CbcCipher.Create(BlockCipherKind.Aes, encryptionKey, forceManagedCipher);
                IvLength = 16;
                PaddingBoundary = 16;
                break;
            case EspEncryptionAlgorithm.AesGcm16:
                // RFC 4106 4: a combined mode; a separate integrity algorithm is an error.
                if (integrity != EspIntegrityAlgorithm.None)
                {
                    throw new ArgumentException("AES-GCM takes no integrity algorithm");
                }

                _gcm = new AesGcm(encryptionKey[..^SaltLength], 16);
                _salt = encryptionKey[^SaltLength..].ToArray();
                IvLength = 8;
                PaddingBoundary = 4;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(encryption), encryption, null);
        }

        (_hmac, IcvLength) = integrity switch
        {
            EspIntegrityAlgorithm.None when _gcm is not null => ((IncrementalHash?)null, 16),
            EspIntegrityAlgorithm.HmacMd596 =>
                (IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, integrityKey), 12),
            EspIntegrityAlgorithm.HmacSha196 =>
                (IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, integrityKey), 12),
            EspIntegrityAlgorithm.HmacSha256128 =>
                (IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, integrityKey), 16),
            EspIntegrityAlgorithm.HmacSha384192 =>
                (IncrementalHash.CreateHMAC(HashAlgorithmName.SHA384, integrityKey), 24),
            EspIntegrityAlgorithm.HmacSha512256 =>
                (IncrementalHash.CreateHMAC(HashAlgorithmName.SHA512, integrityKey), 32),
            _ => throw new ArgumentOutOfRangeException(nameof(integrity), integrity, null),
        };
    }

    public uint Spi { get; }

    public EspEncryptionAlgorithm Encryption { get; }

    public EspIntegrityAlgorithm Integrity { get; }

    /// <summary>The cipher key (for AES-GCM: key then 4-byte salt), for key export.</summary>
    public ReadOnlySpan<byte> EncryptionKey => _encryptionKey;

    /// <summary>The HMAC key; empty for AES-GCM.</summary>
    public ReadOnlySpan<byte> IntegrityKey => _integrityKey;

    /// <summary>Length of the explicit IV that follows the sequence number.</summary>
    public int IvLength { get; }

    public int IcvLength { get; }

    /// <summary>Payload to next header aligns to this many bytes (RFC 4303 2.4).</summary>
    public int PaddingBoundary { get; }

    /// <summary>Offset of the payload in an ESP packet: header and IV.</summary>
    public int PayloadOffset => HeaderLength + IvLength;

    /// <summary>
    /// Receive only: skip the ICV comparison (as Wireshark's "no checking"), for captures
    /// whose integrity key is unknown. The ICV's length still counts.
    /// </summary>
    public bool SkipIcvCheck { get; init; }

    /// <summary>The sequence number of the last packet sent.</summary>
    public uint SequenceNumber => _sequenceNumber;

    public EspReplayWindow ReplayWindow => _replayWindow;

    public long PacketsEncrypted { get; private set; }

    public long BytesEncrypted { get; private set; }

    public long PacketsDecrypted { get; private set; }

    public long BytesDecrypted { get; private set; }

    public long IcvFailures => _drops[(int)EspDropReason.IcvFailure];

    public long ReplayFailures => _drops[(int)EspDropReason.Replay];

    /// <summary>Inbound packets dropped for <paramref name="reason"/>.</summary>
    public long GetDropCount(EspDropReason reason) => _drops[(int)reason];

    /// <summary>The ESP packet length for an inner payload of the given length.</summary>
    public int GetEncryptedLength(int payloadLength) =>
        PayloadOffset + PaddedLength(payloadLength) + IcvLength;

    /// <summary>
    /// Writes SPI | sequence | IV | encrypted(payload | padding | pad length | next
    /// header) | ICV into <paramref name="destination"/> and returns its length. The
    /// payload may already sit at <see cref="PayloadOffset"/> of the destination.
    /// Throws when the 32-bit sequence number would cycle (RFC 4303 3.3.3: the SA must
    /// be rekeyed first) or the destination is too short; both are the caller's bugs.
    /// </summary>
    public int Encrypt(
        ReadOnlySpan<byte> innerPayload,
        byte nextHeader,
        Span<byte> destination,
        ReadOnlySpan<byte> iv)
    {
        if (iv.Length != IvLength)
        {
            throw new ArgumentException($"IV must be {IvLength} bytes", nameof(iv));
        }

        if (_sequenceNumber == uint.MaxValue)
        {
            throw new InvalidOperationException("ESP sequence number exhausted; rekey");
        }

        int encryptedLength = PaddedLength(innerPayload.Length);
        int totalLength = PayloadOffset + encryptedLength + IcvLength;
        if (destination.Length < totalLength)
        {
            throw new ArgumentException("too short for the ESP packet", nameof(destination));
        }

        Span<byte> encrypted = destination.Slice(PayloadOffset, encryptedLength);
        innerPayload.CopyTo(encrypted);
        WriteTrailer(encrypted, innerPayload.Length, nextHeader);

        _sequenceNumber++;
        BinaryPrimitives.WriteUInt32BigEndian(destination, Spi);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], _sequenceNumber);
        iv.CopyTo(destination[HeaderLength..]);

        Span<byte> icv = destination.Slice(PayloadOffset + encryptedLength, IcvLength);
        if (_gcm is not null)
        {
            Span<byte> nonce = stackalloc byte[SaltLength + 8];
            BuildNonce(iv, nonce);
            _gcm.Encrypt(nonce, encrypted, encrypted, icv, destination[..HeaderLength]);
        }
        else
        {
            _cbc!.Encrypt(iv, encrypted, encrypted);
            ComputeIcv(destination[..(PayloadOffset + encryptedLength)], icv);
        }

        PacketsEncrypted++;
        BytesEncrypted += innerPayload.Length;
        return totalLength;
    }

    /// <summary>
    /// Verifies and decrypts one ESP packet (starting at the SPI) into
    /// <paramref name="destination"/>: the inner payload lands at its start. Never throws
    /// on what a peer sends; a drop gives false, a reason, and a counter. The destination
    /// may be exactly the packet's ciphertext region (from <see cref="PayloadOffset"/>)
    /// or separate memory, not otherwise overlapping.
    /// </summary>
    public bool TryDecrypt(
        ReadOnlySpan<byte> espPacket,
        Span<byte> destination,
        out int payloadLength,
        out byte nextHeader,
        out EspDropReason reason)
    {
        payloadLength = 0;
        nextHeader = 0;
        reason = Check(espPacket, out uint sequenceNumber);
        if (reason != EspDropReason.None)
        {
            return Drop(reason);
        }

        int encryptedLength = espPacket.Length - PayloadOffset - IcvLength;
        if (destination.Length < encryptedLength)
        {
            throw new ArgumentException("shorter than the ciphertext", nameof(destination));
        }

        ReadOnlySpan<byte> iv = espPacket.Slice(HeaderLength, IvLength);
        ReadOnlySpan<byte> encrypted = espPacket.Slice(PayloadOffset, encryptedLength);
        ReadOnlySpan<byte> icv = espPacket[^IcvLength..];
        Span<byte> plaintext = destination[..encryptedLength];
        if (!TryVerifyAndDecrypt(espPacket, iv, encrypted, icv, plaintext))
        {
            reason = EspDropReason.IcvFailure;
            return Drop(reason);
        }

        // RFC 4303 3.4.3: the window moves only for packets whose ICV verified.
        _replayWindow.Record(sequenceNumber);

        int padLength = plaintext[^2];
        if (!IsPaddingValid(plaintext, padLength))
        {
            reason = EspDropReason.BadPadding;
            return Drop(reason);
        }

        payloadLength = encryptedLength - 2 - padLength;
        nextHeader = plaintext[^1];
        PacketsDecrypted++;
        BytesDecrypted += payloadLength;
        return true;
    }

    public void Dispose()
    {
        _cbc?.Dispose();
        _gcm?.Dispose();
        _hmac?.Dispose();
    }

    private int PaddedLength(int payloadLength)
    {
        int unpadded = payloadLength + 2;
        return (unpadded + PaddingBoundary - 1) / PaddingBoundary * PaddingBoundary;
    }

    // RFC 4303 2.4: default padding is 1, 2, 3, ...; then pad length and next header.
    private static void WriteTrailer(Span<byte> encrypted, int payloadLength, byte nextHeader)
    {
        int padLength = encrypted.Length - payloadLength - 2;
        for (int i = 0; i < padLength; i++)
        {
            encrypted[payloadLength + i] = (byte)(i + 1);
        }

        encrypted[^2] = (byte)padLength;
        encrypted[^1] = nextHeader;
    }

    private EspDropReason Check(ReadOnlySpan<byte> espPacket, out uint sequenceNumber)
    {
        sequenceNumber = 0;
        int minimumEncrypted = Math.Max(PaddingBoundary, 4);
        if (espPacket.Length < PayloadOffset + minimumEncrypted + IcvLength)
        {
            return EspDropReason.Truncated;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(espPacket) != Spi)
        {
            return EspDropReason.SpiMismatch;
        }

        int encryptedLength = espPacket.Length - PayloadOffset - IcvLength;
        if (encryptedLength % PaddingBoundary != 0)
        {
            return EspDropReason.CiphertextNotAligned;
        }

        // RFC 4303 3.4.3: the replay check comes before the (costlier) ICV check.
        sequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(espPacket[4..]);
        return _replayWindow.IsAcceptable(sequenceNumber)
            ? EspDropReason.None
            : EspDropReason.Replay;
    }

    private bool TryVerifyAndDecrypt(
        ReadOnlySpan<byte> espPacket,
        ReadOnlySpan<byte> iv,
        ReadOnlySpan<byte> encrypted,
        ReadOnlySpan<byte> icv,
        Span<byte> plaintext)
    {
        if (_gcm is not null)
        {
            Span<byte> nonce = stackalloc byte[SaltLength + 8];
            BuildNonce(iv, nonce);
            try
            {
                _gcm.Decrypt(nonce, encrypted, icv, plaintext, espPacket[..HeaderLength]);
                return true;
            }
            catch (AuthenticationTagMismatchException)
            {
                // AesGcm reports a bad tag only by throwing; it has cleared the output.
                return false;
            }
        }

        if (!SkipIcvCheck)
        {
            // RFC 4303 3.4.4.1: the ICV covers SPI, sequence number, IV and ciphertext.
            Span<byte> expected = stackalloc byte[IcvLength];
            ComputeIcv(espPacket[..^IcvLength], expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, icv))
            {
                return false;
            }
        }

        _cbc!.Decrypt(iv, encrypted, plaintext);
        return true;
    }

    private void ComputeIcv(ReadOnlySpan<byte> authenticated, Span<byte> icv)
    {
        // The longest HMAC here is SHA-512's 64 bytes.
        Span<byte> mac = stackalloc byte[64];
        _hmac!.AppendData(authenticated);
        int written = _hmac.GetHashAndReset(mac);
        System.Diagnostics.Debug.Assert(written >= IcvLength, "HMAC shorter than its ICV");
        mac[..IcvLength].CopyTo(icv);
    }

    // RFC 4106 4: nonce = salt (4 bytes from the key material) | explicit IV (8 bytes).
    private void BuildNonce(ReadOnlySpan<byte> iv, Span<byte> nonce)
    {
        _salt.CopyTo(nonce);
        iv.CopyTo(nonce[SaltLength..]);
    }

    private static bool IsPaddingValid(ReadOnlySpan<byte> plaintext, int padLength)
    {
        if (padLength + 2 > plaintext.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> padding = plaintext.Slice(plaintext.Length - 2 - padLength, padLength);
        for (int i = 0; i < padding.Length; i++)
        {
            if (padding[i] != i + 1)
            {
                return false;
            }
        }

        return true;
    }

    private bool Drop(EspDropReason reason)
    {
        _drops[(int)reason]++;
        return false;
    }
}

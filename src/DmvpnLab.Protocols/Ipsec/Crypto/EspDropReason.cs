namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>Why an inbound ESP packet was dropped; each has a counter on its SA.</summary>
public enum EspDropReason
{
    None,

    /// <summary>Shorter than SPI, sequence number, IV, one block and the ICV.</summary>
    Truncated,

    /// <summary>The SPI is not this SA's.</summary>
    SpiMismatch,

    /// <summary>Ciphertext not a multiple of the cipher's block size (RFC 4303 2.4).</summary>
    CiphertextNotAligned,

    /// <summary>Duplicate or left of the anti-replay window (RFC 4303 3.4.3).</summary>
    Replay,

    /// <summary>Integrity check value mismatch (RFC 4303 3.4.4).</summary>
    IcvFailure,

    /// <summary>Pad length past the payload, or pad bytes not 1, 2, 3... (RFC 4303 2.4).</summary>
    BadPadding,
}

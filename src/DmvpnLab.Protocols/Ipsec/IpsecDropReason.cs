namespace DmvpnLab.Protocols.Ipsec;

/// <summary>Why the IPsec feature dropped a packet; each has a counter on the node.</summary>
public enum IpsecDropReason
{
    /// <summary>Outbound: no SA to the peer yet; IKE was asked for one (IOS drops too).</summary>
    NoSaSend,

    /// <summary>Inbound ESP shorter than SPI and sequence number.</summary>
    Truncated,

    /// <summary>Inbound ESP with an SPI of no SA here (IOS: %CRYPTO-4-RECVD_PKT_INV_SPI).</summary>
    InvalidSpi,

    /// <summary>Inbound ESP from an address that is not the SA's peer.</summary>
    InvalidIdentity,

    /// <summary>Replay window refused the sequence number (RFC 4303 3.4.3).</summary>
    Replay,

    /// <summary>ICV did not verify (RFC 4303 3.4.4).</summary>
    VerifyFailed,

    /// <summary>Truncated, misaligned or badly padded ciphertext.</summary>
    DecapsFailed,

    /// <summary>Decrypted, but the next header is not what the SA's mode carries.</summary>
    InvalidProtocol,
}

namespace DmvpnLab.Protocols.Ike;

/// <summary>Why an ISAKMP message was dropped; each has a counter on the IKE service.</summary>
public enum IkeDropReason
{
    /// <summary>Shorter than its header or its Length, wrong version, bad payload chain.</summary>
    Malformed,

    /// <summary>Cookies that name no SA of ours, or a responder cookie not the SA's.</summary>
    UnknownCookies,

    /// <summary>An exchange type IOS does not run here (aggressive mode, IKEv2 …).</summary>
    UnsupportedExchange,

    /// <summary>Message 1 from a peer no `crypto isakmp key` covers.</summary>
    NoPreSharedKey,

    /// <summary>No offered transform matches a policy (RFC 2408 NO-PROPOSAL-CHOSEN).</summary>
    NoProposalChosen,

    /// <summary>A message the exchange does not expect in its state, or missing payloads.</summary>
    UnexpectedMessage,

    /// <summary>Ciphertext that decrypts to no payload chain (a wrong key, usually).</summary>
    DecryptionFailed,

    /// <summary>HASH_I, HASH_R or a Quick Mode / Informational hash that does not verify.</summary>
    BadHash,

    /// <summary>A Diffie-Hellman public value out of range (RFC 2409 5, RFC 6989).</summary>
    BadKeyExchange,

    /// <summary>A retransmission of a message already processed.</summary>
    Duplicate,

    /// <summary>A message for an SA already deleted.</summary>
    DeletedSa,
}

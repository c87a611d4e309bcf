namespace DmvpnLab.Wire.Isakmp;

/// <summary>
/// Next Payload values (RFC 2408 3.1). Values not listed (certificates, the NAT-T drafts'
/// 15/130, RFC 3947's 20/21) are carried as raw payloads.
/// </summary>
public enum IsakmpPayloadType : byte
{
    None = 0,
    SecurityAssociation = 1,
    Proposal = 2,
    Transform = 3,
    KeyExchange = 4,
    Identification = 5,
    Certificate = 6,
    CertificateRequest = 7,
    Hash = 8,
    Signature = 9,
    Nonce = 10,
    Notification = 11,
    Delete = 12,
    VendorId = 13,

    /// <summary>RFC 3947 NAT-D.</summary>
    NatDiscovery = 20,

    /// <summary>RFC 3947 NAT-OA.</summary>
    NatOriginalAddress = 21,
}

// RFC 2407 4.5: the phase 2 (IPsec SA) attribute classes carried in the transforms of a
// Quick Mode proposal, with the values a "crypto ipsec transform-set" produces.
namespace DmvpnLab.Wire.Isakmp;

/// <summary>IPsec SA attribute classes (RFC 2407 4.5).</summary>
public enum IpsecAttributeType : ushort
{
    SaLifeType = 1,
    SaLifeDuration = 2,
    GroupDescription = 3,
    EncapsulationMode = 4,
    AuthenticationAlgorithm = 5,
    KeyLength = 6,
}

/// <summary>Encapsulation Mode values, with the NAT-T ones of RFC 3947 and its drafts.</summary>
public enum IpsecEncapsulationMode : ushort
{
    Tunnel = 1,
    Transport = 2,
    UdpEncapsulatedTunnel = 3,
    UdpEncapsulatedTransport = 4,
    UdpEncapsulatedTunnelDraft = 61443,
    UdpEncapsulatedTransportDraft = 61444,
}

/// <summary>Authentication Algorithm values.</summary>
public enum IpsecAuthenticationAlgorithm : ushort
{
    HmacMd5 = 1,
    HmacSha = 2,
}

/// <summary>IPsec transform IDs for ESP proposals (RFC 2407 4.4.4).</summary>
public enum EspTransformId : byte
{
    Des = 2,
    TripleDes = 3,
    Null = 11,
    Aes = 12,
}

namespace DmvpnLab.Wire.Isakmp;

/// <summary>Identification Type values of the IPsec DOI (RFC 2407 4.6.2.1).</summary>
public enum IsakmpIdentificationType : byte
{
    Ipv4Address = 1,
    Fqdn = 2,
    UserFqdn = 3,
    Ipv4AddressSubnet = 4,
    Ipv6Address = 5,
    Ipv6AddressSubnet = 6,
    Ipv4AddressRange = 7,
    KeyId = 11,
}

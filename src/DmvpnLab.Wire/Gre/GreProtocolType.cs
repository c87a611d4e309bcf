namespace DmvpnLab.Wire.Gre;

/// <summary>
/// The GRE Protocol Type: an EtherType naming the payload (RFC 2784 section 2.4). Values not
/// named here pass through as plain numbers.
/// </summary>
public enum GreProtocolType : ushort
{
    /// <summary>IPv4 payload.</summary>
    Ipv4 = 0x0800,

    /// <summary>NHRP (RFC 2332 section 5 gives 0x2001 for NHRP over GRE).</summary>
    Nhrp = 0x2001,

    /// <summary>Transparent Ethernet bridging.</summary>
    TransparentEthernetBridging = 0x6558,

    /// <summary>IPv6 payload.</summary>
    Ipv6 = 0x86DD,

    /// <summary>Cisco MetaData (SGT) header, seen in captures of Cisco TrustSec.</summary>
    CiscoMetadata = 0x8909,
}

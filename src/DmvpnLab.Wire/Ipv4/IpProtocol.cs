namespace DmvpnLab.Wire.Ipv4;

/// <summary>
/// The IPv4 Protocol field (IANA "Assigned Internet Protocol Numbers"). Values not named here
/// pass through as plain numbers.
/// </summary>
public enum IpProtocol : byte
{
    /// <summary>ICMP, RFC 792.</summary>
    Icmp = 1,

    /// <summary>IGMP, RFC 1112.</summary>
    Igmp = 2,

    /// <summary>TCP, RFC 9293.</summary>
    Tcp = 6,

    /// <summary>UDP, RFC 768.</summary>
    Udp = 17,

    /// <summary>GRE, RFC 2784.</summary>
    Gre = 47,

    /// <summary>ESP, RFC 4303.</summary>
    Esp = 50,

    /// <summary>AH, RFC 4302.</summary>
    Ah = 51,

    /// <summary>EIGRP, RFC 7868.</summary>
    Eigrp = 88,

    /// <summary>PIM, RFC 7761.</summary>
    Pim = 103,
}

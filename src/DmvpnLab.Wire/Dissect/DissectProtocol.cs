namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// The layers the dissector decodes with this assembly's codecs and emits again. The order
/// is the report's order: link layers first, then network, transport and control protocols.
/// </summary>
public enum DissectProtocol : byte
{
    /// <summary>Ethernet II with at most one 802.1Q tag.</summary>
    Ethernet,

    /// <summary>The 16-byte Linux cooked capture (SLL v1) pseudo header.</summary>
    LinuxCooked,

    /// <summary>The 4-byte BSD loopback (LINKTYPE_NULL) address family header.</summary>
    BsdLoopback,

    /// <summary>ARP for IPv4 over Ethernet (RFC 826).</summary>
    Arp,

    /// <summary>The IPv4 header (RFC 791); the payload is the next layer's business.</summary>
    Ipv4,

    /// <summary>ICMP (RFC 792).</summary>
    Icmp,

    /// <summary>UDP (RFC 768).</summary>
    Udp,

    /// <summary>The GRE header (RFC 2784, RFC 2890).</summary>
    Gre,

    /// <summary>NHRP inside GRE protocol type 0x2001 (RFC 2332).</summary>
    Nhrp,

    /// <summary>ISAKMP / IKEv1 on UDP 500 or after the non-ESP marker on 4500 (RFC 2408).</summary>
    Isakmp,

    /// <summary>The cleartext ESP header (RFC 4303) on IP 50 or UDP 4500 (RFC 3948).</summary>
    Esp,

    /// <summary>EIGRP on IP 88 (RFC 7868).</summary>
    Eigrp,
}

/// <summary>Helpers over <see cref="DissectProtocol"/>.</summary>
public static class DissectProtocols
{
    /// <summary>How many protocols there are: the size of per-protocol tables.</summary>
    public const int Count = (int)DissectProtocol.Eigrp + 1;

    /// <summary>The name Wireshark's protocol column uses.</summary>
    public static string DisplayName(this DissectProtocol protocol) => protocol switch
    {
        DissectProtocol.Ethernet => "Ethernet",
        DissectProtocol.LinuxCooked => "SLL",
        DissectProtocol.BsdLoopback => "Null",
        DissectProtocol.Arp => "ARP",
        DissectProtocol.Ipv4 => "IPv4",
        DissectProtocol.Icmp => "ICMP",
        DissectProtocol.Udp => "UDP",
        DissectProtocol.Gre => "GRE",
        DissectProtocol.Nhrp => "NHRP",
        DissectProtocol.Isakmp => "ISAKMP",
        DissectProtocol.Esp => "ESP",
        DissectProtocol.Eigrp => "EIGRP",
        _ => protocol.ToString(),
    };
}

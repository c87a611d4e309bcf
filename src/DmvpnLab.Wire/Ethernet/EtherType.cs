namespace DmvpnLab.Wire.Ethernet;

/// <summary>
/// The EtherType field of an Ethernet II frame (IEEE 802 numbers, IANA registry). Values not
/// named here pass through as plain numbers.
/// </summary>
public enum EtherType : ushort
{
    /// <summary>IPv4 (RFC 894).</summary>
    Ipv4 = 0x0800,

    /// <summary>ARP (RFC 826).</summary>
    Arp = 0x0806,

    /// <summary>IEEE 802.1Q customer VLAN tag.</summary>
    Vlan = 0x8100,

    /// <summary>IPv6 (RFC 2464).</summary>
    Ipv6 = 0x86DD,
}

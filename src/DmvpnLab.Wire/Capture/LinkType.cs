namespace DmvpnLab.Wire.Capture;

/// <summary>
/// The LINKTYPE_ values of the tcpdump.org link-layer header registry that a capture file
/// names in its header (classic pcap) or interface block (pcapng).
/// </summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: a 4-byte host-order address family, then the packet.</summary>
    Null = 0,

    /// <summary>Ethernet II / 802.3 frames without the FCS.</summary>
    Ethernet = 1,

    /// <summary>Raw IP; the version nibble tells IPv4 from IPv6.</summary>
    Raw = 101,

    /// <summary>Linux "cooked" capture, SLL version 1 (16-byte pseudo header).</summary>
    LinuxCooked = 113,

    /// <summary>Raw IPv4 only.</summary>
    Ipv4 = 228,
}

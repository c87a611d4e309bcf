using System.Buffers.Binary;
using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// Names, as Wireshark's protocol column gives them, for the layers this assembly has no
/// codec for, so a report says "IPv6" or "CDP" instead of a number.
/// </summary>
internal static class UnsupportedNames
{
    private const int MaximumIeee8023Length = 1500;
    private const byte SnapSap = 0xAA;
    private const byte SpanningTreeSap = 0x42;

    public static string ForLinkType(LinkType linkType) => linkType switch
    {
        LinkType.Null => "BSD loopback link type",
        _ => "link type " + (ushort)linkType,
    };

    /// <summary>An EtherType (Ethernet, SLL, GRE protocol type) or an 802.3 length.</summary>
    public static string ForEtherType(ushort etherType, ReadOnlySpan<byte> payload)
    {
        if (etherType <= MaximumIeee8023Length)
        {
            return ForLlc(payload);
        }

        return etherType switch
        {
            0x0000 => "GRE keepalive",
            0x0806 => "ARP",
            0x2000 => "CDP",
            0x6558 => "Transparent Ethernet Bridging",
            0x809B => "AppleTalk",
            0x8100 => "802.1Q",
            0x8137 => "IPX",
            0x86DD => "IPv6",
            0x880B => "PPP",
            0x8847 or 0x8848 => "MPLS",
            0x8863 or 0x8864 => "PPPoE",
            0x888E => "EAPOL",
            0x88A8 => "802.1ad",
            0x88BE => "ERSPAN",
            0x88CC => "LLDP",
            0x8909 => "Cisco MetaData",
            0x9000 => "Loopback",
            _ => $"EtherType 0x{etherType:x4}",
        };
    }

    /// <summary>An IEEE 802.3 frame: LLC, with SNAP's Cisco protocols told apart.</summary>
    private static string ForLlc(ReadOnlySpan<byte> llc)
    {
        if (llc.Length >= 1 && llc[0] == SpanningTreeSap)
        {
            return "STP";
        }

        if (llc.Length < 8 || llc[0] != SnapSap)
        {
            return "LLC";
        }

        // SNAP: DSAP, SSAP, control, then a 3-byte OUI and a 2-byte protocol ID.
        uint organization = (uint)(llc[3] << 16 | llc[4] << 8 | llc[5]);
        ushort protocolId = BinaryPrimitives.ReadUInt16BigEndian(llc[6..]);
        if (organization != 0x00000C)
        {
            return "LLC/SNAP";
        }

        return protocolId switch
        {
            0x2000 => "CDP",
            0x2003 => "VTP",
            0x2004 => "DTP",
            0x010B => "PVST+",
            0x0111 => "UDLD",
            _ => "Cisco SNAP",
        };
    }

    public static string ForIpProtocol(byte protocol) => protocol switch
    {
        2 => "IGMP",
        4 => "IP-in-IP",
        6 => "TCP",
        41 => "IPv6",
        46 => "RSVP",
        51 => "AH",
        89 => "OSPF",
        103 => "PIM",
        108 => "IPComp",
        112 => "VRRP",
        132 => "SCTP",
        _ => "IP protocol " + protocol,
    };

    /// <summary>The UDP application by its well-known port, lower port first.</summary>
    public static string ForUdpPorts(ushort sourcePort, ushort destinationPort)
    {
        string? name = ForUdpPort(Math.Min(sourcePort, destinationPort))
            ?? ForUdpPort(Math.Max(sourcePort, destinationPort));
        return name ?? "UDP port " + Math.Min(sourcePort, destinationPort);
    }

    private static string? ForUdpPort(ushort port) => port switch
    {
        53 => "DNS",
        67 or 68 => "DHCP",
        69 => "TFTP",
        123 => "NTP",
        137 or 138 => "NetBIOS",
        161 or 162 => "SNMP",
        514 => "Syslog",
        520 => "RIP",
        646 => "LDP",
        1812 or 1813 => "RADIUS",
        1985 => "HSRP",
        3784 => "BFD",
        4789 => "VXLAN",
        _ => null,
    };
}

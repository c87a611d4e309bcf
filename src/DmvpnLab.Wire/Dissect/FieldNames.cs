using System.Buffers.Binary;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// Names the header field at a byte offset of a layer, in the words of the protocol's RFC,
/// so a report can say where a re-emitted packet went wrong. Offsets past the fixed fields
/// get the name of the area they fall in ("options", "CIEs", "payloads").
/// </summary>
public static class FieldNames
{
    /// <summary>The field of <paramref name="protocol"/> at <paramref name="offset"/> in
    /// <paramref name="layer"/> (the captured bytes from the layer's start).</summary>
    public static string At(DissectProtocol protocol, ReadOnlySpan<byte> layer, int offset) =>
        protocol switch
        {
            DissectProtocol.Ethernet => Ethernet(layer, offset),
            DissectProtocol.LinuxCooked => LinuxCooked(offset),
            DissectProtocol.BsdLoopback => "address family",
            DissectProtocol.Arp => Arp(offset),
            DissectProtocol.Ipv4 => Ipv4(layer, offset),
            DissectProtocol.Icmp => Icmp(offset),
            DissectProtocol.Udp => Udp(offset),
            DissectProtocol.Gre => Gre(layer, offset),
            DissectProtocol.Nhrp => Nhrp(layer, offset),
            DissectProtocol.Isakmp => Isakmp(offset),
            DissectProtocol.Esp => Esp(offset),
            DissectProtocol.Eigrp => Eigrp(offset),
            _ => "?",
        };

    private static string Ethernet(ReadOnlySpan<byte> layer, int offset)
    {
        bool tagged = layer.Length >= 14 && BinaryPrimitives.ReadUInt16BigEndian(layer[12..])
            == 0x8100;
        return offset switch
        {
            < 6 => "destination",
            < 12 => "source",
            < 14 => tagged ? "802.1Q TPID" : "type",
            < 16 when tagged => "802.1Q TCI",
            < 18 when tagged => "type",
            _ => "payload",
        };
    }

    private static string LinuxCooked(int offset) => offset switch
    {
        < 2 => "packet type",
        < 4 => "ARPHRD type",
        < 6 => "link-layer address length",
        < 14 => "link-layer address",
        _ => "protocol",
    };

    private static string Arp(int offset) => offset switch
    {
        < 2 => "ar$hrd",
        < 4 => "ar$pro",
        < 5 => "ar$hln",
        < 6 => "ar$pln",
        < 8 => "ar$op",
        < 14 => "ar$sha",
        < 18 => "ar$spa",
        < 24 => "ar$tha",
        _ => "ar$tpa",
    };

    private static string Ipv4(ReadOnlySpan<byte> layer, int offset)
    {
        int headerLength = layer.Length > 0 ? (layer[0] & 0x0F) * 4 : 20;
        return offset switch
        {
            0 => "version/IHL",
            1 => "type of service",
            < 4 => "total length",
            < 6 => "identification",
            < 8 => "flags/fragment offset",
            8 => "time to live",
            9 => "protocol",
            < 12 => "header checksum",
            < 16 => "source address",
            < 20 => "destination address",
            _ when offset < headerLength => "options",
            _ => "data",
        };
    }

    private static string Icmp(int offset) => offset switch
    {
        0 => "type",
        1 => "code",
        < 4 => "checksum",
        < 8 => "rest of header",
        _ => "data",
    };

    private static string Udp(int offset) => offset switch
    {
        < 2 => "source port",
        < 4 => "destination port",
        < 6 => "length",
        < 8 => "checksum",
        _ => "data",
    };

    private static string Gre(ReadOnlySpan<byte> layer, int offset)
    {
        if (offset < 2)
        {
            return "flags/version";
        }

        if (offset < 4)
        {
            return "protocol type";
        }

        ushort flags = layer.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(layer) : (ushort)0;
        int next = 4;
        if ((flags & 0x8000) != 0)
        {
            if (offset < 6)
            {
                return "checksum";
            }

            if (offset < 8)
            {
                return "reserved1";
            }

            next = 8;
        }

        if ((flags & 0x2000) != 0)
        {
            if (offset < next + 4)
            {
                return "key";
            }

            next += 4;
        }

        if ((flags & 0x1000) != 0 && offset < next + 4)
        {
            return "sequence number";
        }

        return "payload";
    }

    private static string Nhrp(ReadOnlySpan<byte> layer, int offset)
    {
        string? fixedField = offset switch
        {
            < 2 => "ar$afn",
            < 4 => "ar$pro.type",
            < 9 => "ar$pro.snap",
            9 => "ar$hopcnt",
            < 12 => "ar$pktsz",
            < 14 => "ar$chksum",
            < 16 => "ar$extoff",
            16 => "ar$op.version",
            17 => "ar$op.type",
            18 => "ar$shtl",
            19 => "ar$sstl",
            20 => "Src Proto Len",
            21 => "Dst Proto Len",
            < 24 => "Flags",
            < 28 => "Request ID",
            _ => null,
        };
        if (fixedField is not null)
        {
            return fixedField;
        }

        if (layer.Length < 22)
        {
            return "mandatory part";
        }

        int addressesEnd = 28 + (layer[18] & 0x3F) + (layer[19] & 0x3F) + layer[20] + layer[21];
        int extensionOffset = BinaryPrimitives.ReadUInt16BigEndian(layer[14..]);
        if (offset < addressesEnd)
        {
            return "mandatory part addresses";
        }

        return extensionOffset != 0 && offset >= extensionOffset
            ? "extensions"
            : "CIEs";
    }

    private static string Isakmp(int offset) => offset switch
    {
        < 8 => "initiator cookie",
        < 16 => "responder cookie",
        16 => "next payload",
        17 => "version",
        18 => "exchange type",
        19 => "flags",
        < 24 => "message ID",
        < 28 => "length",
        _ => "payloads",
    };

    private static string Esp(int offset) => offset switch
    {
        < 4 => "SPI",
        < 8 => "sequence number",
        _ => "protected data",
    };

    private static string Eigrp(int offset) => offset switch
    {
        0 => "version",
        1 => "opcode",
        < 4 => "checksum",
        < 8 => "flags",
        < 12 => "sequence",
        < 16 => "acknowledge",
        < 18 => "virtual router ID",
        < 20 => "autonomous system",
        _ => "TLVs",
    };
}

using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

// IPv4 External Route TLV 0x0103, RFC 7868 section 6.7.6.
//
//   +-------------------------------+-------------------------------+
//   |          type 0x0103          |   length (45 + dest octets)   |
//   +-------------------------------+-------------------------------+
//   |                 next hop                                      |
//   |                 originating router                            |
//   |                 originating autonomous system                 |
//   |                 arbitrary tag                                 |
//   |                 external protocol metric                      |
//   +-------------------------------+---------------+---------------+
//   |          reserved             | ext. protocol | ext. flags    |
//   +-------------------------------+---------------+---------------+
//   |            classic metric (16 bytes, EigrpClassicMetric)      |
//   +---------------+-----------------------------------------------+
//   | prefix length | destination (ceil(prefix length / 8) octets)  |
//   +---------------+-----------------------------------------------+

/// <summary>A route redistributed into EIGRP from elsewhere (static, connected, ...).</summary>
public sealed class EigrpExternalRouteTlv : EigrpTlv
{
    private const int FixedValueLength = 24 + EigrpClassicMetric.Length;

    private int destinationOctets = -1;

    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.Ipv4External;

    /// <summary>Next hop; 0.0.0.0 means the sending router.</summary>
    public Ipv4Address NextHop { get; set; }

    /// <summary>Router id of the router that redistributed the route.</summary>
    public Ipv4Address OriginatingRouter { get; set; }

    /// <summary>Autonomous system of the originating router.</summary>
    public uint OriginatingAutonomousSystem { get; set; }

    /// <summary>Administrative tag (IOS "set tag").</summary>
    public uint ArbitraryTag { get; set; }

    /// <summary>Metric of the external protocol.</summary>
    public uint ExternalProtocolMetric { get; set; }

    /// <summary>Reserved 16 bits, kept as received.</summary>
    public ushort Reserved { get; set; }

    /// <summary>External protocol id (RFC 7868: 1 IGRP ... 6 static, 11 connected).</summary>
    public byte ExternalProtocol { get; set; }

    /// <summary>External flags (0x01 external route, 0x02 candidate default).</summary>
    public byte ExternalFlags { get; set; }

    /// <summary>The metric.</summary>
    public EigrpClassicMetric Metric { get; set; }

    /// <summary>Destination network.</summary>
    public Ipv4Address Destination { get; set; }

    /// <summary>Destination prefix length (0..32).</summary>
    public byte PrefixLength { get; set; }

    /// <inheritdoc/>
    protected override int ValueLength => FixedValueLength + 1 + DestinationOctets;

    private int DestinationOctets => destinationOctets >= 0
        ? destinationOctets
        : EigrpDestination.SignificantOctets(PrefixLength);

    internal static EigrpExternalRouteTlv? TryDecode(ReadOnlySpan<byte> value)
    {
        if (value.Length < FixedValueLength + 1)
        {
            return null;
        }

        if (!EigrpDestination.TryRead(value[FixedValueLength..], out var destination,
                out byte prefixLength, out int octets))
        {
            return null;
        }

        return new EigrpExternalRouteTlv
        {
            NextHop = Ipv4Address.Read(value),
            OriginatingRouter = Ipv4Address.Read(value[4..]),
            OriginatingAutonomousSystem = BinaryPrimitives.ReadUInt32BigEndian(value[8..]),
            ArbitraryTag = BinaryPrimitives.ReadUInt32BigEndian(value[12..]),
            ExternalProtocolMetric = BinaryPrimitives.ReadUInt32BigEndian(value[16..]),
            Reserved = BinaryPrimitives.ReadUInt16BigEndian(value[20..]),
            ExternalProtocol = value[22],
            ExternalFlags = value[23],
            Metric = EigrpClassicMetric.Read(value[24..]),
            Destination = destination,
            PrefixLength = prefixLength,
            destinationOctets = octets == EigrpDestination.SignificantOctets(prefixLength)
                ? -1
                : octets,
        };
    }

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value)
    {
        NextHop.Write(value);
        OriginatingRouter.Write(value[4..]);
        BinaryPrimitives.WriteUInt32BigEndian(value[8..], OriginatingAutonomousSystem);
        BinaryPrimitives.WriteUInt32BigEndian(value[12..], ArbitraryTag);
        BinaryPrimitives.WriteUInt32BigEndian(value[16..], ExternalProtocolMetric);
        BinaryPrimitives.WriteUInt16BigEndian(value[20..], Reserved);
        value[22] = ExternalProtocol;
        value[23] = ExternalFlags;
        Metric.Write(value[24..]);
        EigrpDestination.Write(value[FixedValueLength..], Destination, PrefixLength,
            DestinationOctets);
    }
}

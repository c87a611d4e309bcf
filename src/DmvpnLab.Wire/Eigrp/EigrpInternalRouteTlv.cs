namespace DmvpnLab.Wire.Eigrp;

// IPv4 Internal Route TLV 0x0102, RFC 7868 section 6.7.5.
//
//   +-------------------------------+-------------------------------+
//   |          type 0x0102          |   length (25 + dest octets)   |
//   +-------------------------------+-------------------------------+
//   |            next hop (0.0.0.0: the sender itself)              |
//   +---------------------------------------------------------------+
//   |            classic metric (16 bytes, EigrpClassicMetric)      |
//   +---------------+-----------------------------------------------+
//   | prefix length | destination (ceil(prefix length / 8) octets)  |
//   +---------------+-----------------------------------------------+

/// <summary>A route learned inside the autonomous system.</summary>
public sealed class EigrpInternalRouteTlv : EigrpTlv
{
    private const int FixedValueLength = 4 + EigrpClassicMetric.Length;

    private int destinationOctets = -1;

    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.Ipv4Internal;

    /// <summary>Next hop; 0.0.0.0 means the sending router.</summary>
    public Ipv4Address NextHop { get; set; }

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

    internal static EigrpInternalRouteTlv? TryDecode(ReadOnlySpan<byte> value)
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

        return new EigrpInternalRouteTlv
        {
            NextHop = Ipv4Address.Read(value),
            Metric = EigrpClassicMetric.Read(value[4..]),
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
        Metric.Write(value[4..]);
        EigrpDestination.Write(value[FixedValueLength..], Destination, PrefixLength,
            DestinationOctets);
    }
}

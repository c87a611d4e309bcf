namespace DmvpnLab.Wire.Eigrp;

// Software Version TLV 0x0004, RFC 7868 section 6.7.3: length 8.
//   | type 0x0004 | length 8 | release major | release minor | TLV major | TLV minor |
// IOS 12.4 with TLV version 1.2 sends 12, 4, 1, 2; IOS 15 sends TLV version 2.0 with wide
// metric support.

/// <summary>The sender's EIGRP release and TLV version.</summary>
public sealed class EigrpSoftwareVersionTlv : EigrpTlv
{
    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.SoftwareVersion;

    /// <summary>EIGRP release, major part (IOS version, e.g. 12).</summary>
    public byte ReleaseMajor { get; set; }

    /// <summary>EIGRP release, minor part (e.g. 4).</summary>
    public byte ReleaseMinor { get; set; }

    /// <summary>TLV version, major part (1 for classic, 2 with wide metrics).</summary>
    public byte TlvVersionMajor { get; set; }

    /// <summary>TLV version, minor part.</summary>
    public byte TlvVersionMinor { get; set; }

    /// <inheritdoc/>
    protected override int ValueLength => 4;

    internal static EigrpSoftwareVersionTlv? TryDecode(ReadOnlySpan<byte> value) =>
        value.Length != 4 ? null : new EigrpSoftwareVersionTlv
        {
            ReleaseMajor = value[0],
            ReleaseMinor = value[1],
            TlvVersionMajor = value[2],
            TlvVersionMinor = value[3],
        };

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value)
    {
        value[0] = ReleaseMajor;
        value[1] = ReleaseMinor;
        value[2] = TlvVersionMajor;
        value[3] = TlvVersionMinor;
    }
}

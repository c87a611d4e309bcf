using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

// Parameters TLV 0x0001, RFC 7868 section 6.7.1: length 12.
//   | type 0x0001 | length 12 | K1 | K2 | K3 | K4 | K5 | K6 | hold time (2) |
// K6 was reserved before wide metrics. A Hello whose K1..K5 are all 255 is a goodbye
// (peer termination, RFC 7868 section 5.3.1; IOS's "Goodbye received").

/// <summary>The K values and hold time a Hello carries.</summary>
public sealed class EigrpParametersTlv : EigrpTlv
{
    private const int ValueBytes = 8;

    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.Parameters;

    /// <summary>K1 (bandwidth weight; IOS default 1).</summary>
    public byte K1 { get; set; } = 1;

    /// <summary>K2 (load weight; default 0).</summary>
    public byte K2 { get; set; }

    /// <summary>K3 (delay weight; default 1).</summary>
    public byte K3 { get; set; } = 1;

    /// <summary>K4 (reliability weight; default 0).</summary>
    public byte K4 { get; set; }

    /// <summary>K5 (reliability divisor; default 0).</summary>
    public byte K5 { get; set; }

    /// <summary>K6 (extended metrics; reserved, 0, for classic metrics).</summary>
    public byte K6 { get; set; }

    /// <summary>Hold time in seconds (IOS default 15).</summary>
    public ushort HoldTimeSeconds { get; set; } = 15;

    /// <summary>True when K1..K5 are all 255: the sender is going down.</summary>
    public bool IsPeerTermination => K1 == 255 && K2 == 255 && K3 == 255 && K4 == 255 && K5 == 255;

    /// <summary>The parameters of a goodbye Hello.</summary>
    public static EigrpParametersTlv PeerTermination(ushort holdTimeSeconds) => new()
    {
        K1 = 255, K2 = 255, K3 = 255, K4 = 255, K5 = 255, HoldTimeSeconds = holdTimeSeconds,
    };

    /// <inheritdoc/>
    protected override int ValueLength => ValueBytes;

    internal static EigrpParametersTlv? TryDecode(ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueBytes)
        {
            return null;
        }

        return new EigrpParametersTlv
        {
            K1 = value[0],
            K2 = value[1],
            K3 = value[2],
            K4 = value[3],
            K5 = value[4],
            K6 = value[5],
            HoldTimeSeconds = BinaryPrimitives.ReadUInt16BigEndian(value[6..]),
        };
    }

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value)
    {
        value[0] = K1;
        value[1] = K2;
        value[2] = K3;
        value[3] = K4;
        value[4] = K5;
        value[5] = K6;
        BinaryPrimitives.WriteUInt16BigEndian(value[6..], HoldTimeSeconds);
    }
}

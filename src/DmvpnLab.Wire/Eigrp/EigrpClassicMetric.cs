using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

// The classic metric block of the IPv4 route TLVs, RFC 7868 section 6.7.5 (16 bytes):
//
//   +-------------------------------------------------------------+
//   |                 scaled delay (4)                            |
//   |                 scaled bandwidth (4)                        |
//   |   MTU (3 bytes)                         | hop count (1)     |
//   | reliability | load        | internal tag | flags            |
//   +-------------------------------------------------------------+
//
// Delay is in tens of microseconds × 256; 0xFFFFFFFF means unreachable. Bandwidth is
// 10^7 / (minimum kbit/s) × 256. In the external TLV the tag byte is reserved.

/// <summary>The 16-byte classic (non-wide) metric of an IPv4 route TLV.</summary>
/// <param name="Delay">Scaled delay: tens of microseconds × 256.</param>
/// <param name="Bandwidth">Scaled bandwidth: 10^7 / kbit/s × 256.</param>
/// <param name="Mtu">Path MTU in bytes (24 bits on the wire).</param>
/// <param name="HopCount">Hops to the destination.</param>
/// <param name="Reliability">Reliability, 255 = 100 %.</param>
/// <param name="Load">Load, 1 = idle, 255 = saturated.</param>
/// <param name="InternalTag">Route tag (internal routes); reserved in external ones.</param>
/// <param name="Flags">Route flags.</param>
public readonly record struct EigrpClassicMetric(
    uint Delay,
    uint Bandwidth,
    uint Mtu,
    byte HopCount,
    byte Reliability,
    byte Load,
    byte InternalTag,
    EigrpRouteFlags Flags)
{
    /// <summary>Bytes on the wire.</summary>
    public const int Length = 16;

    /// <summary>The scaled delay that marks a route unreachable.</summary>
    public const uint UnreachableDelay = 0xFFFF_FFFF;

    /// <summary>True when the delay marks the route unreachable (a withdrawal).</summary>
    public bool IsUnreachable => Delay == UnreachableDelay;

    /// <summary>Reads 16 bytes.</summary>
    public static EigrpClassicMetric Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt32BigEndian(source),
        BinaryPrimitives.ReadUInt32BigEndian(source[4..]),
        (uint)((source[8] << 16) | (source[9] << 8) | source[10]),
        source[11],
        source[12],
        source[13],
        source[14],
        (EigrpRouteFlags)source[15]);

    /// <summary>Writes 16 bytes.</summary>
    public void Write(Span<byte> destination)
    {
        if (Mtu > 0xFF_FFFF)
        {
            throw new InvalidOperationException("The EIGRP MTU field is 24 bits.");
        }

        _ = destination[Length - 1];
        BinaryPrimitives.WriteUInt32BigEndian(destination, Delay);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Bandwidth);
        destination[8] = (byte)(Mtu >> 16);
        destination[9] = (byte)(Mtu >> 8);
        destination[10] = (byte)Mtu;
        destination[11] = HopCount;
        destination[12] = Reliability;
        destination[13] = Load;
        destination[14] = InternalTag;
        destination[15] = (byte)Flags;
    }
}

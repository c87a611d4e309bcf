using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// The classic composite metric, RFC 7868 5.6.1 and 5.6.2. The wire carries the vector
/// scaled by 256: delay in tens of microseconds × 256, bandwidth as 10^7 / kbit × 256.
/// With IOS's default K1=K3=1 the composite is just their sum:
/// 256 × (10^7 / minimum-kbit + total-delay / 10 µs). A GigabitEthernet connected network
/// is 256 × (10 + 1) = 2816, one Gigabit hop further 3072, a default tunnel
/// (100 kbit, 50000 µs) 256 × (100000 + 5000) = 26880000.
/// </summary>
public static class EigrpMetric
{
    /// <summary>The distance of an unreachable destination (RFC 7868 5.6.2.1).</summary>
    public const uint Infinity = uint.MaxValue;

    /// <summary>IOS's default maximum hop count (`metric maximum-hops`).</summary>
    public const int MaximumHops = 100;

    /// <summary>10^7 / kbit × 256, as the bandwidth field of a route TLV carries it.</summary>
    public static uint ScaledBandwidth(long kilobits)
    {
        if (kilobits <= 0)
            return Infinity;

        return (uint)Math.Min(Infinity - 1L, 10_000_000L / kilobits * 256);
    }

    /// <summary>Tens of microseconds × 256, as the delay field carries it.</summary>
    public static uint ScaledDelay(long microseconds) =>
        (uint)Math.Min(Infinity - 1L, microseconds / 10 * 256);

    /// <summary>The vector a router advertises for a network on one of its interfaces.</summary>
    public static EigrpClassicMetric Connected(NetworkInterface networkInterface) => new(
        ScaledDelay(networkInterface.DelayMicroseconds),
        ScaledBandwidth(networkInterface.BandwidthKilobits),
        (uint)Math.Min(networkInterface.IpMtu, 0xFF_FFFF),
        HopCount: 0,
        Reliability: 255,
        Load: 1,
        InternalTag: 0,
        Flags: EigrpRouteFlags.None);

    /// <summary>
    /// The vector of a path through a neighbor: its reported vector plus the link to it
    /// (RFC 7868 5.6.1: delays add, the minimum bandwidth, MTU and reliability are kept,
    /// the maximum load, one hop more).
    /// </summary>
    public static EigrpClassicMetric AddLink(EigrpClassicMetric reported,
        NetworkInterface networkInterface)
    {
        if (reported.IsUnreachable)
            return reported;

        ulong delay = (ulong)reported.Delay + ScaledDelay(networkInterface.DelayMicroseconds);
        uint linkBandwidth = ScaledBandwidth(networkInterface.BandwidthKilobits);
        return reported with
        {
            Delay = delay >= Infinity ? Infinity : (uint)delay,
            Bandwidth = Math.Max(reported.Bandwidth, linkBandwidth),
            Mtu = Math.Min(reported.Mtu, (uint)Math.Min(networkInterface.IpMtu, 0xFF_FFFF)),
            HopCount = (byte)Math.Min(255, reported.HopCount + 1),
            Reliability = Math.Min(reported.Reliability, (byte)255),
            Load = Math.Max(reported.Load, (byte)1),
        };
    }

    /// <summary>A withdrawal: the delay field all ones (RFC 7868 6.7.5).</summary>
    public static EigrpClassicMetric Unreachable(EigrpClassicMetric template) =>
        template with { Delay = EigrpClassicMetric.UnreachableDelay };

    /// <summary>
    /// The composite metric of RFC 7868 5.6.2.2 on the scaled vector:
    /// (K1·BW + K2·BW/(256−load) + K3·delay) · K5/(reliability+K4) when K5 ≠ 0.
    /// </summary>
    public static uint Composite(EigrpClassicMetric vector, EigrpKValues k)
    {
        if (vector.IsUnreachable || vector.Bandwidth == Infinity)
            return Infinity;

        decimal bandwidth = vector.Bandwidth;
        decimal metric = k.K1 * bandwidth + k.K3 * (decimal)vector.Delay;
        if (k.K2 != 0)
            metric += k.K2 * bandwidth / (256 - Math.Min((int)vector.Load, 255));

        if (k.K5 != 0)
            metric = metric * k.K5 / (vector.Reliability + k.K4);

        return metric >= Infinity ? Infinity : (uint)metric;
    }

    /// <summary>Total delay in microseconds, as `show ip route` prints it.</summary>
    public static long DelayMicroseconds(EigrpClassicMetric vector) =>
        (long)vector.Delay / 256 * 10;

    /// <summary>Minimum bandwidth in kbit/s, as `show ip route` prints it.</summary>
    public static long BandwidthKilobits(EigrpClassicMetric vector) =>
        vector.Bandwidth == 0 ? 0 : 2_560_000_000L / vector.Bandwidth;
}

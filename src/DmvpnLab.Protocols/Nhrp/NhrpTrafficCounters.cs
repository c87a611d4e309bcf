using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>The Sent/Rcvd counters of `show ip nhrp traffic`, per message type.</summary>
public sealed class NhrpTrafficCounters
{
    // Index = ar$op.type (1-8); 0 counts unknown types so they still add to the total.
    private readonly long[] sent = new long[9];
    private readonly long[] received = new long[9];

    public long SentTotal { get; private set; }

    public long ReceivedTotal { get; private set; }

    /// <summary>Traffic indications held back by the redirect rate limit.</summary>
    public long RedirectSuppressed { get; set; }

    /// <summary>IOS's default `ip nhrp max-send`: packets per interval.</summary>
    public const int MaxSendPackets = 10000;

    /// <summary>The `ip nhrp max-send` interval.</summary>
    public static readonly TimeSpan MaxSendInterval = TimeSpan.FromSeconds(10);

    private long windowStartNanoseconds = long.MinValue;
    private long windowCount;

    /// <summary>Counts a sent packet, and in the current max-send interval.</summary>
    /// <remarks>The max-send limit is shown (`Usage:`) but not enforced.</remarks>
    public void CountSent(NhrpPacketType type, long nowNanoseconds)
    {
        sent[Index(type)]++;
        SentTotal++;
        if (nowNanoseconds - windowStartNanoseconds >= IntervalNanoseconds)
        {
            windowStartNanoseconds = nowNanoseconds;
            windowCount = 0;
        }

        windowCount++;
    }

    /// <summary>The share of the max-send limit used in the current interval, percent.</summary>
    public int UsagePercent(long nowNanoseconds) =>
        nowNanoseconds - windowStartNanoseconds >= IntervalNanoseconds
            ? 0
            : (int)(windowCount * 100 / MaxSendPackets);

    private static long IntervalNanoseconds => MaxSendInterval.Ticks * 100;

    public void CountReceived(NhrpPacketType type)
    {
        received[Index(type)]++;
        ReceivedTotal++;
    }

    public long Sent(NhrpPacketType type) => sent[Index(type)];

    public long Received(NhrpPacketType type) => received[Index(type)];

    public void Clear()
    {
        Array.Clear(sent);
        Array.Clear(received);
        SentTotal = 0;
        ReceivedTotal = 0;
        RedirectSuppressed = 0;
    }

    private static int Index(NhrpPacketType type) => (byte)type is >= 1 and <= 8 ? (int)type : 0;
}

using System.Globalization;

namespace DmvpnLab.Ios.Text;

/// <summary>
/// The time formats of IOS show and debug output. Callers pass virtual time from the lab's
/// clock; nothing here reads a real clock.
/// </summary>
public static class IosTime
{
    public const string Never = "never";

    // IOS labs without NTP or a calendar boot at this date, and every debug timestamp in
    // course material is counted from it; the year never appears, 1993 is not a leap year.
    private static readonly DateTime BootDate = new(1993, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>
    /// An age or uptime as IOS prints it in <c>show dmvpn</c>, <c>show ip route</c> and
    /// friends: <c>05:40:08</c> under a day, <c>1d02h</c> under a week, <c>1w2d</c> under a
    /// year, <c>1y2w</c> after; null gives <c>never</c>.
    /// </summary>
    public static string FormatUptime(TimeSpan? elapsed)
    {
        if (elapsed is not { } span)
        {
            return Never;
        }

        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        long days = (long)span.TotalDays;
        if (days < 1)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
        }

        if (days < 7)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{days}d{span.Hours:00}h");
        }

        if (days < 365)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{days / 7}w{days % 7}d");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{days / 365}y{days % 365 / 7}w");
    }

    /// <summary>
    /// A debug or log timestamp, <c>*Mar  1 00:01:02.123:</c>, for a moment given as time
    /// since boot. The star is IOS's mark for a clock never set; the colon ends the stamp
    /// so the message can follow after one space.
    /// </summary>
    public static string FormatTimestamp(TimeSpan sinceBoot)
    {
        if (sinceBoot < TimeSpan.Zero)
        {
            sinceBoot = TimeSpan.Zero;
        }

        // Clamp so a nonsense virtual time cannot overflow DateTime.
        var maximum = DateTime.MaxValue - BootDate - TimeSpan.FromDays(1);
        var moment = BootDate + (sinceBoot > maximum ? maximum : sinceBoot);
        return string.Create(CultureInfo.InvariantCulture,
            $"*{moment:MMM} {moment.Day,2} {moment:HH:mm:ss.fff}:");
    }
}

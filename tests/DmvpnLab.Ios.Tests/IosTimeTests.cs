using DmvpnLab.Ios.Text;

namespace DmvpnLab.Ios.Tests;

public class IosTimeTests
{
    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(5 * 3600 + 40 * 60 + 8, "05:40:08")]
    [InlineData(86399, "23:59:59")]
    [InlineData(86400, "1d00h")]
    [InlineData(86400 + 2 * 3600 + 59 * 60, "1d02h")]
    [InlineData(6 * 86400 + 23 * 3600, "6d23h")]
    [InlineData(7 * 86400, "1w0d")]
    [InlineData(9 * 86400 + 5 * 3600, "1w2d")]
    [InlineData(364 * 86400, "52w0d")]
    [InlineData(365 * 86400 + 14 * 86400, "1y2w")]
    [InlineData(-5, "00:00:00")]
    public void FormatUptime_FollowsIosThresholds(long seconds, string expected)
    {
        Assert.Equal(expected, IosTime.FormatUptime(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void FormatUptime_Null_IsNever()
    {
        Assert.Equal("never", IosTime.FormatUptime(null));
    }

    [Theory]
    [InlineData(0, "*Mar  1 00:00:00.000:")]
    [InlineData(62_123, "*Mar  1 00:01:02.123:")]
    [InlineData(9L * 86_400_000 + 3_723_004, "*Mar 10 01:02:03.004:")]
    [InlineData(31L * 86_400_000, "*Apr  1 00:00:00.000:")]
    [InlineData(-1, "*Mar  1 00:00:00.000:")]
    public void FormatTimestamp_CountsFromMarchFirst(long milliseconds, string expected)
    {
        Assert.Equal(expected, IosTime.FormatTimestamp(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void FormatTimestamp_HugeTime_DoesNotThrow()
    {
        Assert.StartsWith("*", IosTime.FormatTimestamp(TimeSpan.MaxValue));
    }

    [Fact]
    public void Columns_RowPadsAndTrims()
    {
        string row = IosColumns.Row(("172.16.1.2", 16), ("10.10.10.5", 16), ("UP", -5), ("", 0));

        Assert.Equal("172.16.1.2      10.10.10.5         UP", row);
    }
}

using DmvpnLab.Protocols.Ipsec.Crypto;

namespace DmvpnLab.Protocols.Tests.Ipsec;

public class EspReplayWindowTests
{
    [Fact]
    public void IsAcceptable_SequenceZero_Rejected() =>
        Assert.False(new EspReplayWindow().IsAcceptable(0));

    [Fact]
    public void Record_OutOfOrderInsideWindow_AcceptedOnceEach()
    {
        var window = new EspReplayWindow();
        window.Record(100);

        Assert.True(window.IsAcceptable(50));
        window.Record(50);

        Assert.False(window.IsAcceptable(50));
        Assert.False(window.IsAcceptable(100));
        Assert.True(window.IsAcceptable(99));
        Assert.True(window.IsAcceptable(101));
    }

    [Fact]
    public void IsAcceptable_LeftOfWindow_Rejected()
    {
        var window = new EspReplayWindow();
        window.Record(100);

        Assert.True(window.IsAcceptable(100 - EspReplayWindow.Size + 1));
        Assert.False(window.IsAcceptable(100 - EspReplayWindow.Size));
    }

    [Fact]
    public void Record_JumpBeyondWindow_ForgetsOldBits()
    {
        var window = new EspReplayWindow();
        window.Record(1);
        window.Record(2);

        window.Record(1000);

        Assert.Equal(1000u, window.Highest);
        Assert.False(window.IsAcceptable(2));
        Assert.True(window.IsAcceptable(999));
        Assert.False(window.IsAcceptable(1000));
    }

    [Fact]
    public void Record_ShiftKeepsSeenBits()
    {
        var window = new EspReplayWindow();
        window.Record(10);
        window.Record(12);

        Assert.False(window.IsAcceptable(10));
        Assert.True(window.IsAcceptable(11));
    }
}

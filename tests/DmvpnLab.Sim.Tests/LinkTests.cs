using DmvpnLab.Sim;

namespace DmvpnLab.Sim.Tests;

public class LinkTests
{
    private sealed class Endpoint : ILinkEndpoint
    {
        public List<(TimeSpan At, byte[] Frame)> Received { get; } = new();

        public Scheduler? Clock { get; set; }

        public bool? LastState { get; private set; }

        public void ReceiveFrame(ReadOnlySpan<byte> frame) =>
            Received.Add((Clock!.Now, frame.ToArray()));

        public void OnLinkStateChanged(bool up) => LastState = up;
    }

    private static (Scheduler, Link, Endpoint, Endpoint) Build(int seed = 1)
    {
        var scheduler = new Scheduler(seed);
        var a = new Endpoint { Clock = scheduler };
        var b = new Endpoint { Clock = scheduler };
        var link = new Link(scheduler, new PacketBufferPool(), "a--b", a, b)
        {
            Delay = TimeSpan.FromMilliseconds(3),
        };
        return (scheduler, link, a, b);
    }

    [Fact]
    public void Frame_ArrivesAtTheOtherEndAfterTheDelay_AsACopy()
    {
        var (scheduler, link, a, b) = Build();
        byte[] frame = [1, 2, 3];

        link.Transmit(a, frame);
        frame[0] = 99;
        scheduler.RunUntil(TimeSpan.FromSeconds(1));

        Assert.Empty(a.Received);
        var (at, received) = Assert.Single(b.Received);
        Assert.Equal(TimeSpan.FromMilliseconds(3), at);
        Assert.Equal([1, 2, 3], received);
    }

    [Fact]
    public void LinkDown_CarriesNothingAndTellsBothEnds()
    {
        var (scheduler, link, a, b) = Build();

        link.SetState(up: false);
        link.Transmit(a, new byte[] { 1 });
        scheduler.RunUntil(TimeSpan.FromSeconds(1));

        Assert.Empty(b.Received);
        Assert.False(a.LastState);
        Assert.False(b.LastState);
    }

    [Fact]
    public void Loss_IsDrawnFromTheSeed_SameSeedSameLosses()
    {
        int Lost(int seed)
        {
            var (scheduler, link, a, _) = Build(seed);
            link.LossProbability = 0.3;
            for (int i = 0; i < 1000; i++)
                link.Transmit(a, new byte[] { 1 });
            scheduler.RunUntil(TimeSpan.FromSeconds(1));
            return (int)link.FramesLost;
        }

        int first = Lost(7);
        Assert.Equal(first, Lost(7));
        Assert.InRange(first, 200, 400);
    }

    [Fact]
    public void Tap_SeesEveryFrameWithItsSendTime()
    {
        var (scheduler, link, a, _) = Build();
        var seen = new List<long>();
        link.Tap = new RecordingTap(seen);

        scheduler.RunUntil(TimeSpan.FromSeconds(2));
        link.Transmit(a, new byte[] { 1 });

        Assert.Equal([2_000_000_000L], seen);
    }

    private sealed class RecordingTap(List<long> seen) : IFrameTap
    {
        public void OnFrame(long timeNanoseconds, ReadOnlySpan<byte> frame) =>
            seen.Add(timeNanoseconds);
    }
}

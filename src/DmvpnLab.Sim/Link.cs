namespace DmvpnLab.Sim;

/// <summary>
/// A point-to-point Ethernet cable between two endpoints, with a one-way delay and an
/// optional loss probability drawn from the lab's seeded random source.
/// </summary>
public sealed class Link : IEventHandler
{
    private readonly Scheduler scheduler;
    private readonly PacketBufferPool pool;
    private readonly ILinkEndpoint[] ends = new ILinkEndpoint[2];

    public Link(Scheduler scheduler, PacketBufferPool pool, string name,
        ILinkEndpoint a, ILinkEndpoint b)
    {
        this.scheduler = scheduler;
        this.pool = pool;
        Name = name;
        ends[0] = a;
        ends[1] = b;
    }

    public string Name { get; }

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(1);

    public double LossProbability { get; set; }

    public bool IsUp { get; private set; } = true;

    public IFrameTap? Tap { get; set; }

    public long FramesCarried { get; private set; }

    public long FramesLost { get; private set; }

    public ILinkEndpoint EndA => ends[0];

    public ILinkEndpoint EndB => ends[1];

    public ILinkEndpoint OtherEnd(ILinkEndpoint from) => ReferenceEquals(from, ends[0]) ? ends[1] : ends[0];

    /// <summary>Sends a frame from one end; the link copies it, so the caller keeps its bytes.</summary>
    public void Transmit(ILinkEndpoint from, ReadOnlySpan<byte> frame)
    {
        if (!IsUp)
            return;

        Tap?.OnFrame(scheduler.NowNanoseconds, frame);
        if (LossProbability > 0 && scheduler.Random.NextDouble() < LossProbability)
        {
            FramesLost++;
            return;
        }

        var buffer = pool.Rent();
        frame.CopyTo(buffer.Bytes);
        buffer.Length = frame.Length;
        int toIndex = ReferenceEquals(from, ends[0]) ? 1 : 0;
        scheduler.Schedule(Delay, this, buffer, toIndex);
    }

    public void SetState(bool up)
    {
        if (IsUp == up)
            return;

        IsUp = up;
        ends[0].OnLinkStateChanged(up);
        ends[1].OnLinkStateChanged(up);
    }

    void IEventHandler.OnEvent(object? state, long argument)
    {
        var buffer = (PacketBuffer)state!;
        if (IsUp)
        {
            FramesCarried++;
            ends[argument].ReceiveFrame(buffer.Frame);
        }

        pool.Return(buffer);
    }
}

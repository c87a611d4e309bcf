namespace DmvpnLab.Sim;

/// <summary>
/// A restartable one-shot timer on the virtual clock. Starting it again cancels the
/// previous expiry: each start bumps a generation number and a stale expiry, which
/// stays in the queue, is recognised by its old generation and ignored.
/// </summary>
public sealed class SimTimer : IEventHandler
{
    private readonly Scheduler scheduler;
    private readonly Action onExpired;
    private long generation;

    public SimTimer(Scheduler scheduler, Action onExpired)
    {
        this.scheduler = scheduler;
        this.onExpired = onExpired;
    }

    public bool IsRunning { get; private set; }

    public long ExpiresAtNanoseconds { get; private set; }

    public TimeSpan Remaining => IsRunning
        ? TimeSpan.FromTicks(Math.Max(0, ExpiresAtNanoseconds - scheduler.NowNanoseconds) / 100)
        : TimeSpan.Zero;

    public void Start(TimeSpan delay)
    {
        generation++;
        IsRunning = true;
        ExpiresAtNanoseconds = scheduler.NowNanoseconds + Scheduler.ToNanoseconds(delay);
        scheduler.ScheduleAt(ExpiresAtNanoseconds, this, null, generation);
    }

    public void Stop()
    {
        generation++;
        IsRunning = false;
    }

    void IEventHandler.OnEvent(object? state, long argument)
    {
        if (!IsRunning || argument != generation)
            return;

        IsRunning = false;
        onExpired();
    }
}

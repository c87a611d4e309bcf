namespace DmvpnLab.Sim;

/// <summary>
/// The lab's virtual clock and event queue. Events run one at a time, in (time,
/// sequence) order, on the thread that calls <see cref="RunUntil"/>: a lab with the
/// same seed replays identically. Time is kept in nanoseconds since the lab booted.
/// </summary>
public sealed class Scheduler
{
    private readonly PriorityQueue<ScheduledEvent, (long Time, long Sequence)> queue = new();
    private long nextSequence;

    public Scheduler(int seed)
    {
        Seed = seed;
        Random = new Random(seed);
    }

    /// <summary>The seed every random choice in the lab derives from.</summary>
    public int Seed { get; }

    /// <summary>The lab's only source of randomness.</summary>
    public Random Random { get; }

    public long NowNanoseconds { get; private set; }

    public TimeSpan Now => TimeSpan.FromTicks(NowNanoseconds / 100);

    public long EventsExecuted { get; private set; }

    public int PendingEvents => queue.Count;

    public void Schedule(TimeSpan delay, IEventHandler handler, object? state = null,
        long argument = 0)
    {
        ScheduleAt(NowNanoseconds + ToNanoseconds(delay), handler, state, argument);
    }

    public void ScheduleAt(long timeNanoseconds, IEventHandler handler, object? state = null,
        long argument = 0)
    {
        if (timeNanoseconds < NowNanoseconds)
            timeNanoseconds = NowNanoseconds;

        queue.Enqueue(new ScheduledEvent(handler, state, argument),
            (timeNanoseconds, nextSequence++));
    }

    /// <summary>Control-plane convenience: runs an action after a delay.</summary>
    public void Schedule(TimeSpan delay, Action action)
    {
        Schedule(delay, ActionEventHandler.Instance, action);
    }

    /// <summary>Runs every event due up to and including <paramref name="until"/>.</summary>
    public void RunUntil(TimeSpan until)
    {
        long limit = ToNanoseconds(until);
        while (queue.TryPeek(out _, out var when) && when.Time <= limit)
            Step();

        if (NowNanoseconds < limit)
            NowNanoseconds = limit;
    }

    public void RunFor(TimeSpan duration) => RunUntil(Now + duration);

    /// <summary>
    /// Runs events until <paramref name="condition"/> holds or the time limit passes.
    /// Returns whether the condition held.
    /// </summary>
    public bool RunUntil(Func<bool> condition, TimeSpan limit)
    {
        long end = ToNanoseconds(limit);
        while (!condition())
        {
            if (!queue.TryPeek(out _, out var when) || when.Time > end)
            {
                NowNanoseconds = Math.Max(NowNanoseconds, end);
                return condition();
            }

            Step();
        }

        return true;
    }

    /// <summary>Dequeues and runs one event, advancing the clock to it.</summary>
    public bool Step()
    {
        if (!queue.TryDequeue(out var work, out var when))
            return false;

        NowNanoseconds = when.Time;
        EventsExecuted++;
        work.Handler.OnEvent(work.State, work.Argument);
        return true;
    }

    public static long ToNanoseconds(TimeSpan span) => span.Ticks * 100;

    private sealed class ActionEventHandler : IEventHandler
    {
        public static readonly ActionEventHandler Instance = new();

        public void OnEvent(object? state, long argument) => ((Action)state!).Invoke();
    }
}

using BenchmarkDotNet.Attributes;
using DmvpnLab.Sim;

namespace DmvpnLab.Benchmarks;

/// <summary>Scheduler events per second on one core; the budget is at least 3 million.</summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private const int Events = 100_000;

    private Scheduler scheduler = null!;
    private readonly CountingHandler handler = new();

    [GlobalSetup]
    public void Setup() => scheduler = new Scheduler(1);

    /// <summary>Schedules a spread of timers, as protocols do, then runs them all.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long ScheduleAndRun()
    {
        for (int i = 0; i < Events; i++)
            scheduler.Schedule(TimeSpan.FromMicroseconds(i % 997), handler, null, i);

        while (scheduler.Step())
        {
        }

        return handler.Count;
    }

    /// <summary>Each event schedules the next, as a packet crossing links does.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long ChainedEvents()
    {
        var chain = new ChainHandler(scheduler, Events);
        scheduler.Schedule(TimeSpan.Zero, chain);
        while (scheduler.Step())
        {
        }

        return chain.Remaining;
    }

    private sealed class CountingHandler : IEventHandler
    {
        public long Count;

        public void OnEvent(object? state, long argument) => Count += argument;
    }

    private sealed class ChainHandler(Scheduler scheduler, int events) : IEventHandler
    {
        public int Remaining = events;

        public void OnEvent(object? state, long argument)
        {
            if (--Remaining > 0)
                scheduler.Schedule(TimeSpan.FromMicroseconds(1), this);
        }
    }
}

using DmvpnLab.Sim;

namespace DmvpnLab.Sim.Tests;

public class SchedulerTests
{
    [Fact]
    public void EventsAtTheSameTime_RunInTheOrderScheduled()
    {
        var scheduler = new Scheduler(seed: 1);
        var order = new List<int>();
        scheduler.Schedule(TimeSpan.FromSeconds(2), () => order.Add(3));
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => order.Add(1));
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => order.Add(2));

        scheduler.RunUntil(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3], order);
        Assert.Equal(TimeSpan.FromSeconds(10), scheduler.Now);
        Assert.Equal(3, scheduler.EventsExecuted);
    }

    [Fact]
    public void RunUntil_LeavesLaterEventsQueued()
    {
        var scheduler = new Scheduler(seed: 1);
        bool ran = false;
        scheduler.Schedule(TimeSpan.FromSeconds(5), () => ran = true);

        scheduler.RunUntil(TimeSpan.FromSeconds(4));

        Assert.False(ran);
        Assert.Equal(1, scheduler.PendingEvents);
    }

    [Fact]
    public void RunUntilCondition_StopsAtTheEventThatMadeItTrue()
    {
        var scheduler = new Scheduler(seed: 1);
        int count = 0;
        for (int i = 1; i <= 10; i++)
            scheduler.Schedule(TimeSpan.FromSeconds(i), () => count++);

        bool met = scheduler.RunUntil(() => count == 3, TimeSpan.FromMinutes(1));

        Assert.True(met);
        Assert.Equal(TimeSpan.FromSeconds(3), scheduler.Now);
    }

    [Fact]
    public void RunUntilCondition_NeverTrue_ReturnsFalseAtTheLimit()
    {
        var scheduler = new Scheduler(seed: 1);

        bool met = scheduler.RunUntil(() => false, TimeSpan.FromSeconds(30));

        Assert.False(met);
        Assert.Equal(TimeSpan.FromSeconds(30), scheduler.Now);
    }

    [Fact]
    public void SameSeed_SameRandomSequence()
    {
        var a = new Scheduler(seed: 42);
        var b = new Scheduler(seed: 42);

        Assert.Equal(a.Random.Next(), b.Random.Next());
        Assert.Equal(42, a.Seed);
    }
}

using DmvpnLab.Sim;

namespace DmvpnLab.Sim.Tests;

public class SimTimerTests
{
    [Fact]
    public void Restarted_FiresOnceAtTheNewExpiry()
    {
        var scheduler = new Scheduler(seed: 1);
        var fired = new List<TimeSpan>();
        var timer = new SimTimer(scheduler, () => fired.Add(scheduler.Now));

        timer.Start(TimeSpan.FromSeconds(5));
        scheduler.RunUntil(TimeSpan.FromSeconds(3));
        timer.Start(TimeSpan.FromSeconds(5));
        scheduler.RunUntil(TimeSpan.FromSeconds(20));

        Assert.Equal([TimeSpan.FromSeconds(8)], fired);
        Assert.False(timer.IsRunning);
    }

    [Fact]
    public void Stopped_NeverFires()
    {
        var scheduler = new Scheduler(seed: 1);
        bool fired = false;
        var timer = new SimTimer(scheduler, () => fired = true);

        timer.Start(TimeSpan.FromSeconds(1));
        timer.Stop();
        scheduler.RunUntil(TimeSpan.FromSeconds(2));

        Assert.False(fired);
    }

    [Fact]
    public void Remaining_CountsDownOnTheVirtualClock()
    {
        var scheduler = new Scheduler(seed: 1);
        var timer = new SimTimer(scheduler, () => { });

        timer.Start(TimeSpan.FromSeconds(10));
        scheduler.RunUntil(TimeSpan.FromSeconds(4));

        Assert.Equal(TimeSpan.FromSeconds(6), timer.Remaining);
    }
}

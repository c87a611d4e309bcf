namespace DmvpnLab.Sim;

/// <summary>One entry of the scheduler's queue: who to call, and with what.</summary>
internal readonly record struct ScheduledEvent(IEventHandler Handler, object? State, long Argument);

namespace DmvpnLab.Sim;

/// <summary>
/// Something the scheduler can call back. Events carry their handler, a state object
/// and a number, so that timers and in-flight frames need no closure per event.
/// </summary>
public interface IEventHandler
{
    void OnEvent(object? state, long argument);
}

namespace DmvpnLab.Ios;

/// <summary>
/// The mode stack of one CLI conversation (<c>exec → privileged → config → config-if</c>).
/// </summary>
public sealed class CliState
{
    private readonly List<ModeFrame> _frames = new();

    /// <summary>Starts a conversation in <paramref name="initialMode"/>; the modes below it
    /// (user exec under privileged exec) are stacked too, so <c>disable</c> works.</summary>
    public CliState(CliDevice device, CliMode initialMode)
    {
        Device = device;
        foreach (var mode in initialMode.SelfAndAncestors().Reverse())
        {
            _frames.Add(new ModeFrame(mode, null));
        }
    }

    public CliDevice Device { get; }

    public string Hostname => Device.Hostname;

    public IReadOnlyList<ModeFrame> Frames => _frames;

    public CliMode Mode => _frames[^1].Mode;

    public object? ModeContext => _frames[^1].Context;

    public string Prompt => Mode.RenderPrompt(Hostname);

    /// <summary>
    /// Enters a mode. A mode already on the stack is returned to, taking the new context
    /// (<c>disable</c>; <c>interface</c> from a sibling); otherwise the mode is pushed.
    /// </summary>
    internal void Enter(CliMode mode, object? context)
    {
        int index = _frames.FindLastIndex(f => f.Mode == mode);
        if (index < 0)
        {
            _frames.Add(new ModeFrame(mode, context));
            return;
        }

        _frames.RemoveRange(index + 1, _frames.Count - index - 1);
        _frames[index] = new ModeFrame(mode, context);
    }

    /// <summary>Pops frames above the given mode; false when it is not on the stack.</summary>
    internal bool PopTo(CliMode mode)
    {
        int index = _frames.FindLastIndex(f => f.Mode == mode);
        if (index < 0)
        {
            return false;
        }

        _frames.RemoveRange(index + 1, _frames.Count - index - 1);
        return true;
    }

    /// <summary>Pops the top frame; false when it is the last one.</summary>
    internal bool Pop()
    {
        if (_frames.Count == 1)
        {
            return false;
        }

        _frames.RemoveAt(_frames.Count - 1);
        return true;
    }
}

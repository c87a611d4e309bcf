namespace DmvpnLab.Lab.Scripts;

/// <summary>What one line of <c>script.txt</c> asks for.</summary>
public enum ScriptLineKind
{
    Command,
    Wait,
    WaitConverged,
    Expect,
    LinkDown,
    LinkUp,
    Reload,
}

/// <summary>
/// One parsed script line: a command for a node (<c>HUB# show dmvpn</c>), a wait, an
/// expectation on the previous command's output, or an event (<c>link down A:Gi0/0</c>).
/// </summary>
public sealed record ScriptLine(int LineNumber, ScriptLineKind Kind, string Text)
{
    public string? Node { get; init; }

    public string? PromptCharacter { get; init; }

    public TimeSpan Duration { get; init; }
}

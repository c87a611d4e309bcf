namespace DmvpnLab.Ios;

/// <summary>What running one line did: the error printed (if any) and the mode change.</summary>
/// <param name="Error">The refusal, or null when a handler ran and accepted the line.</param>
/// <param name="Change">The mode change the handler asked for.</param>
/// <param name="Closed">True when <c>exit</c>/<c>logout</c> left exec, ending the session.</param>
public readonly record struct DispatchResult(CliError? Error, ModeChange Change, bool Closed)
{
    public static DispatchResult Empty => new(null, ModeChange.None, false);

    public bool IsSuccess => Error is null;
}

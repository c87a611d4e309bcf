namespace DmvpnLab.Ios;

/// <summary>What a command does to the CLI's mode after it ran.</summary>
public enum ModeChange
{
    None,

    /// <summary>Enter <see cref="CommandResult.Mode"/>: push it, or return to it when it is
    /// already on the stack (<c>disable</c>).</summary>
    Enter,

    /// <summary>Leave the current mode; from exec this ends the session.</summary>
    Exit,

    /// <summary>Leave configuration for privileged exec, as <c>end</c> and Ctrl-Z do.</summary>
    End,
}

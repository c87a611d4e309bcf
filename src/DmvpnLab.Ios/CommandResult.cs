namespace DmvpnLab.Ios;

/// <summary>
/// The outcome of a handler: success, a mode change, or a refusal carrying IOS's message
/// (which the session prints and the config loader reports with the line number).
/// </summary>
public sealed class CommandResult
{
    private CommandResult(ModeChange change, CliMode? mode, object? context, string? error)
    {
        Change = change;
        Mode = mode;
        ModeContext = context;
        ErrorMessage = error;
    }

    public static CommandResult Ok { get; } = new(ModeChange.None, null, null, null);

    public static CommandResult Exit { get; } = new(ModeChange.Exit, null, null, null);

    public static CommandResult End { get; } = new(ModeChange.End, null, null, null);

    public ModeChange Change { get; }

    public CliMode? Mode { get; }

    /// <summary>The object the sub-mode works on, e.g. the interface being configured.</summary>
    public object? ModeContext { get; }

    /// <summary>IOS's text for a refused command, e.g. <c>% Invalid input detected ...</c>,
    /// or null on success.</summary>
    public string? ErrorMessage { get; }

    public bool IsError => ErrorMessage is not null;

    public static CommandResult Enter(CliMode mode, object? context = null) =>
        new(ModeChange.Enter, mode, context, null);

    public static CommandResult Error(string message) =>
        new(ModeChange.None, null, null, message);
}

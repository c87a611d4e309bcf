namespace DmvpnLab.Ios.Parsing;

/// <summary>The result of matching a line against one mode's tree: a command with its
/// arguments, or the error IOS would print. <see cref="Depth"/> ranks failures when several
/// modes are tried: the one that got furthest into the line explains it best.</summary>
internal sealed class CommandMatch
{
    public Command? Command { get; init; }

    public List<CommandArgument> Arguments { get; init; } = new();

    public List<string> Keywords { get; init; } = new();

    public bool Negated { get; init; }

    public bool Defaulted { get; init; }

    public bool IsComplete { get; init; } = true;

    public CliError? Error { get; init; }

    /// <summary>How many words were accepted before the failure.</summary>
    public int Depth { get; init; }

    public bool IsSuccess => Command is not null;
}

namespace DmvpnLab.Ios;

/// <summary>What a handler receives: the typed arguments, the <c>no</c>/<c>default</c> form,
/// the object of the current sub-mode and where to write output.</summary>
public sealed class CommandContext
{
    private readonly IReadOnlyList<string> _keywords;

    internal CommandContext(Command command, string line, IReadOnlyList<CommandArgument> arguments,
        IReadOnlyList<string> keywords, bool negated, bool defaulted, bool complete,
        CliState state, object? modeContext, TextWriter output)
    {
        Command = command;
        Line = line;
        Arguments = arguments;
        _keywords = keywords;
        Negated = negated;
        Defaulted = defaulted;
        IsComplete = complete;
        State = state;
        ModeContext = modeContext;
        Output = output;
    }

    public Command Command { get; }

    /// <summary>The command line as typed, comments already removed.</summary>
    public string Line { get; }

    /// <summary>Parameters and chosen keywords, in the order they appear in the line.</summary>
    public IReadOnlyList<CommandArgument> Arguments { get; }

    /// <summary>True for the <c>no</c> form.</summary>
    public bool Negated { get; }

    /// <summary>True for the <c>default</c> form.</summary>
    public bool Defaulted { get; }

    /// <summary>False when a <c>no</c>/<c>default</c> form stopped before the pattern's
    /// required parameters (<c>no ip address</c>); the missing ones are simply absent.</summary>
    public bool IsComplete { get; }

    public CliState State { get; }

    /// <summary>The object of the mode the command runs in (e.g. the interface), or null.</summary>
    public object? ModeContext { get; }

    public TextWriter Output { get; }

    public CommandArgument this[int index] => Arguments[index];

    /// <summary>The argument with this name; a missing name is a bug in the handler.</summary>
    public CommandArgument this[string name] =>
        Find(name) ?? throw new KeyNotFoundException($"No argument '{name}' in {Command}.");

    public CommandArgument? Find(string name)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Whether the line used this keyword (full spelling, any position) or supplied
    /// an argument of this name.</summary>
    public bool Has(string keywordOrName) =>
        _keywords.Contains(keywordOrName, StringComparer.OrdinalIgnoreCase)
        || Find(keywordOrName) is not null;

    /// <summary>The sub-mode object as the type the registering layer put there.</summary>
    public T ModeContextAs<T>() where T : class =>
        ModeContext as T ?? throw new InvalidOperationException(
            $"{Command} expected a {typeof(T).Name} mode context.");
}

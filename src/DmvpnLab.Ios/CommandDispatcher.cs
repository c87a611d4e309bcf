using DmvpnLab.Ios.Filters;
using DmvpnLab.Ios.Parsing;

namespace DmvpnLab.Ios;

/// <summary>
/// Runs lines against a conversation's mode stack, the part the interactive session and the
/// config loader share: <c>no</c>/<c>default</c>, <c>do</c>, falling back from a config
/// sub-mode to its parents, output filters, and the mode changes handlers ask for.
/// </summary>
public sealed class CommandDispatcher
{
    public CommandDispatcher(CliState state)
    {
        State = state;
    }

    public CliState State { get; }

    private CliModes Modes => State.Device.Modes;

    /// <summary>
    /// Runs one line, writing the handler's output or IOS's error text to
    /// <paramref name="output"/>. The caret of an invalid input is indented by
    /// <paramref name="caretIndent"/> columns (the prompt's width at a terminal).
    /// </summary>
    public DispatchResult Execute(string line, TextWriter output, bool allowFilters = true,
        int caretIndent = 0)
    {
        line = Tokenizer.Normalize(line);
        var tokens = Tokenizer.Split(line);
        if (tokens.Count == 0)
        {
            return DispatchResult.Empty;
        }

        var result = Dispatch(line, tokens, output, allowFilters);
        if (result.Error is { } error)
        {
            output.Write(error.Render(caretIndent));
        }

        return result;
    }

    private DispatchResult Dispatch(string line, List<CommandToken> tokens, TextWriter output,
        bool allowFilters)
    {
        var mode = State.Mode;
        if (!mode.IsConfig)
        {
            return ExecuteExec(line, tokens, output, allowFilters, mode, isDo: false);
        }

        if (tokens[0].Text.Equals("do", StringComparison.OrdinalIgnoreCase))
        {
            if (tokens.Count == 1)
            {
                return Failed(new CliError(CliErrorKind.Incomplete, line, line.Length));
            }

            return ExecuteExec(line, tokens.GetRange(1, tokens.Count - 1), output, allowFilters,
                Modes.PrivilegedExec, isDo: true);
        }

        return ExecuteConfig(line, tokens, output);
    }

    private DispatchResult ExecuteExec(string line, List<CommandToken> tokens, TextWriter output,
        bool allowFilters, CliMode mode, bool isDo)
    {
        OutputFilter? filter = null;
        int pipe = allowFilters ? tokens.FindIndex(t => t.Text.StartsWith('|')) : -1;
        if (pipe == 0)
        {
            return Failed(new CliError(CliErrorKind.InvalidInput, line, tokens[0].Column));
        }

        if (pipe > 0)
        {
            if (!OutputFilter.TryParse(line, tokens[pipe].Column + 1, out filter, out var error))
            {
                return Failed(error!);
            }

            line = line[..tokens[pipe].Column];
            tokens = tokens.GetRange(0, pipe);
        }

        var (match, _) = MatchFirst([mode], tokens, line);
        if (!match.IsSuccess)
        {
            var error = match.Error!;
            bool unknown = !isDo && match.Depth == 0 && error.Kind == CliErrorKind.InvalidInput;
            return Failed(unknown ? error with { Kind = CliErrorKind.UnknownCommand } : error);
        }

        var writer = filter is null ? output : new StringWriter();
        var result = Run(match, line, writer, modeContext: null);
        if (filter is not null)
        {
            output.Write(filter.Apply(writer.ToString()!));
        }

        // "do" borrows exec for one command; the config session stays where it was.
        bool keepMode = isDo && !result.IsError;
        return Apply(keepMode ? CommandResult.Ok : result, line);
    }

    private DispatchResult ExecuteConfig(string line, List<CommandToken> tokens,
        TextWriter output)
    {
        var trees = State.Mode.SelfAndAncestors().TakeWhile(m => m.IsConfig)
            .Where(m => State.Frames.Any(f => f.Mode == m))
            .ToArray();
        var (match, mode) = MatchFirst(trees, tokens, line);
        if (!match.IsSuccess)
        {
            return Failed(match.Error!);
        }

        // A line that belongs to an outer mode leaves the inner ones first, as IOS does when
        // "interface Gi0/1" follows the lines of another interface.
        State.PopTo(mode!);
        var result = Run(match, line, output, State.ModeContext);
        return Apply(result, line);
    }

    private static (CommandMatch Match, CliMode? Mode) MatchFirst(CliMode[] modes,
        List<CommandToken> tokens, string line)
    {
        CommandMatch? best = null;
        foreach (var mode in modes)
        {
            var match = mode.Commands.Match(tokens, line);
            if (match.IsSuccess)
            {
                return (match, mode);
            }

            if (best is null || match.Depth > best.Depth)
            {
                best = match;
            }
        }

        return (best!, null);
    }

    private CommandResult Run(CommandMatch match, string line, TextWriter output,
        object? modeContext)
    {
        var context = new CommandContext(match.Command!, line.Trim(), match.Arguments,
            match.Keywords, match.Negated, match.Defaulted, match.IsComplete, State, modeContext,
            output);
        return match.Command!.Handler(context);
    }

    private DispatchResult Apply(CommandResult result, string line)
    {
        if (result.ErrorMessage is { } message)
        {
            return Failed(new CliError(CliErrorKind.Refused, line, 0, message));
        }

        switch (result.Change)
        {
            case ModeChange.Enter:
                State.Enter(result.Mode!, result.ModeContext);
                break;
            case ModeChange.Exit:
                bool closed = !State.Mode.IsConfig || !State.Pop();
                return new DispatchResult(null, ModeChange.Exit, closed);
            case ModeChange.End:
                State.PopTo(Modes.PrivilegedExec);
                break;
        }

        return new DispatchResult(null, result.Change, false);
    }

    private static DispatchResult Failed(CliError error) => new(error, ModeChange.None, false);
}

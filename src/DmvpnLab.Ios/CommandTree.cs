using DmvpnLab.Ios.Parsing;

namespace DmvpnLab.Ios;

/// <summary>
/// The commands of one mode, stored as a tree of keywords and parameters. Layers register
/// their commands here; the tree knows nothing of what they do.
/// </summary>
public sealed class CommandTree
{
    private readonly TreeNode _root = new();
    private readonly List<Command> _commands = new();

    internal CommandTree(CliMode mode)
    {
        Mode = mode;
    }

    public CliMode Mode { get; }

    public IReadOnlyList<Command> Commands => _commands;

    /// <summary>
    /// Registers a command. Throws when the pattern is malformed or a command with the same
    /// words already exists: both are bugs in the registering layer.
    /// </summary>
    /// <param name="pattern">E.g.
    /// <c>ip nhrp map &lt;A.B.C.D:ip&gt; &lt;A.B.C.D:nbma&gt;</c>.</param>
    /// <param name="handler">Runs when a line matches.</param>
    /// <param name="allowsNo">Whether <c>no</c>/<c>default</c> forms reach the handler;
    /// only meaningful in config modes.</param>
    public Command Register(string pattern, CommandHandler handler, bool allowsNo = true)
    {
        var variants = CommandPattern.Expand(pattern);
        var command = new Command(Mode, pattern, handler, allowsNo);
        foreach (var variant in variants)
        {
            var node = _root;
            node.Reachable.Add(command);
            foreach (var element in variant)
            {
                node = node.GetOrAdd(element);
                node.Reachable.Add(command);
            }

            if (node.Command is not null && node.Command != command)
            {
                throw new InvalidOperationException(
                    $"\"{pattern}\" collides with \"{node.Command.Pattern}\" in {Mode.Name}.");
            }

            node.Command = command;
        }

        _commands.Add(command);
        return command;
    }

    /// <summary>Matches a tokenized line, handling the <c>no</c>/<c>default</c> prefixes of
    /// config modes.</summary>
    internal CommandMatch Match(List<CommandToken> tokens, string line)
    {
        var roots = new List<TreeNode> { _root };
        if (Mode.Inherits is { } inherited)
        {
            roots.Add(inherited.Commands._root);
        }

        var prefix = Mode.IsConfig ? ResolvePrefix(tokens[0]) : NegationPrefix.None;
        if (prefix == NegationPrefix.Ambiguous)
        {
            return new CommandMatch
            {
                Error = new CliError(CliErrorKind.Ambiguous, line, tokens[0].Column),
            };
        }

        if (prefix == NegationPrefix.None)
        {
            return CommandMatcher.Match(roots, tokens, line, 0, allowPartial: false);
        }

        return MatchNegated(roots, tokens, line, prefix);
    }

    // Depths of failures leave out the "no" word: when a sub-mode finds "d" ambiguous and
    // its parent reads it as "default", the parent has not really got further.
    private static CommandMatch MatchNegated(List<TreeNode> roots, List<CommandToken> tokens,
        string line, NegationPrefix prefix)
    {
        if (tokens.Count == 1)
        {
            return new CommandMatch
            {
                Error = new CliError(CliErrorKind.Incomplete, line, line.Length),
            };
        }

        var match = CommandMatcher.Match(roots, tokens, line, 1, allowPartial: true);
        if (match.IsSuccess && !match.Command!.AllowsNo)
        {
            return new CommandMatch
            {
                Error = new CliError(CliErrorKind.InvalidInput, line, tokens[1].Column),
            };
        }

        if (!match.IsSuccess)
        {
            return new CommandMatch { Error = match.Error, Depth = match.Depth - 1 };
        }

        return new CommandMatch
        {
            Command = match.Command,
            Arguments = match.Arguments,
            Keywords = match.Keywords,
            IsComplete = match.IsComplete,
            Negated = prefix == NegationPrefix.No,
            Defaulted = prefix == NegationPrefix.Default,
            Depth = match.Depth,
        };
    }

    // "no" and "default" compete for abbreviation with the mode's first keywords: "n" alone
    // is a valid "no" only when no command starts with "n".
    private NegationPrefix ResolvePrefix(CommandToken token)
    {
        string text = token.Text;
        if (text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return NegationPrefix.No;
        }

        if (text.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return NegationPrefix.Default;
        }

        bool no = "no".StartsWith(text, StringComparison.OrdinalIgnoreCase);
        bool dflt = "default".StartsWith(text, StringComparison.OrdinalIgnoreCase);
        if (!no && !dflt)
        {
            return NegationPrefix.None;
        }

        bool exact = _root.Edges.Any(e => string.Equals(e.Element.Keyword, text,
            StringComparison.OrdinalIgnoreCase));
        if (exact)
        {
            return NegationPrefix.None;
        }

        bool others = _root.Edges.Any(e => e.Element.Keyword is { } k
            && k.StartsWith(text, StringComparison.OrdinalIgnoreCase));
        if (others)
        {
            return NegationPrefix.Ambiguous;
        }

        return no ? NegationPrefix.No : NegationPrefix.Default;
    }

    private enum NegationPrefix
    {
        None,
        No,
        Default,
        Ambiguous,
    }
}

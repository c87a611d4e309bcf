namespace DmvpnLab.Ios.Parsing;

/// <summary>
/// Walks a command tree word by word with IOS's rules: an exact keyword wins; otherwise a
/// word must be the prefix of exactly one keyword at that position or the line is
/// ambiguous; typed parameters are tried from the most specific. When a choice fails
/// further on, the next one is tried, and the failure that got furthest is reported.
/// Several trees can be walked as one (privileged exec sees user exec's commands), so
/// abbreviation is judged over their union.
/// </summary>
internal sealed class CommandMatcher
{
    private readonly List<CommandToken> _tokens;
    private readonly string _line;
    private readonly bool _allowPartial;
    private readonly List<CommandArgument> _arguments = new();
    private readonly List<string> _keywords = new();
    private readonly int _start;

    private CommandMatcher(List<CommandToken> tokens, string line, int start, bool allowPartial)
    {
        _tokens = tokens;
        _line = line;
        _start = start;
        _allowPartial = allowPartial;
    }

    /// <summary>Matches <paramref name="tokens"/> from <paramref name="start"/>.
    /// <paramref name="allowPartial"/> lets a <c>no</c> form stop before required
    /// parameters when the words so far name a single command.</summary>
    public static CommandMatch Match(IReadOnlyList<TreeNode> roots, List<CommandToken> tokens,
        string line, int start, bool allowPartial)
    {
        var matcher = new CommandMatcher(tokens, line, start, allowPartial);
        return matcher.Walk(roots, start);
    }

    private CommandMatch Walk(IReadOnlyList<TreeNode> nodes, int index)
    {
        if (index == _tokens.Count)
        {
            return AtEnd(nodes, index);
        }

        var token = _tokens[index];
        var candidates = Candidates(nodes, index, out bool ambiguous);
        if (ambiguous)
        {
            return Failure(CliErrorKind.Ambiguous, token.Column, index);
        }

        if (candidates.Count == 0)
        {
            return Failure(CliErrorKind.InvalidInput, CaretColumn(nodes, token), index);
        }

        CommandMatch? best = null;
        foreach (var (element, child) in candidates)
        {
            var result = TryCandidate(element, child, index);
            if (result.IsSuccess)
            {
                return result;
            }

            if (best is null || result.Depth > best.Depth)
            {
                best = result;
            }
        }

        return best!;
    }

    private CommandMatch TryCandidate(PatternElement element, List<TreeNode> child, int index)
    {
        int consumed = 1;
        CommandArgument? argument = null;
        if (element.IsKeyword)
        {
            _keywords.Add(element.Keyword!);
            if (element.IsVariable)
            {
                argument = new CommandArgument(element.Keyword!, element.Keyword!, null, 0);
            }
        }
        else
        {
            consumed = ParameterMatcher.TryMatch(element, _tokens, index, _line, out argument);
        }

        if (argument is not null)
        {
            _arguments.Add(argument);
        }

        var result = Walk(child, index + consumed);
        if (argument is not null)
        {
            _arguments.RemoveAt(_arguments.Count - 1);
        }

        if (element.IsKeyword)
        {
            _keywords.RemoveAt(_keywords.Count - 1);
        }

        return result;
    }

    private List<(PatternElement, List<TreeNode>)> Candidates(IReadOnlyList<TreeNode> nodes,
        int index, out bool ambiguous)
    {
        ambiguous = false;
        string text = _tokens[index].Text;
        var edges = nodes.SelectMany(n => n.Edges).ToList();
        var exact = edges.Where(e => string.Equals(e.Element.Keyword, text,
            StringComparison.OrdinalIgnoreCase)).ToList();
        if (exact.Count > 0)
        {
            return [(exact[0].Element, exact.Select(e => e.Child).ToList())];
        }

        var prefixed = edges.Where(e => e.Element.Keyword is { } k
            && k.StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (prefixed.Select(e => e.Element.Keyword).Distinct().Count() > 1)
        {
            ambiguous = true;
            return [];
        }

        var candidates = new List<(PatternElement, List<TreeNode>)>();
        if (prefixed.Count > 0)
        {
            candidates.Add((prefixed[0].Element, prefixed.Select(e => e.Child).ToList()));
        }

        var parameters = edges.Where(e => !e.Element.IsKeyword)
            .OrderBy(e => e.Element.Specificity)
            .Where(e => ParameterMatcher.TryMatch(e.Element, _tokens, index, _line, out _) > 0);
        foreach (var (element, child) in parameters)
        {
            int same = candidates.FindIndex(c => c.Item1.SameAs(element));
            if (same >= 0)
            {
                candidates[same].Item2.Add(child);
            }
            else
            {
                candidates.Add((element, [child]));
            }
        }

        return candidates;
    }

    private CommandMatch AtEnd(IReadOnlyList<TreeNode> nodes, int index)
    {
        var command = nodes.Select(n => n.Command).FirstOrDefault(c => c is not null);
        if (command is not null)
        {
            return Success(command, complete: true);
        }

        // "no ip address" names one command without its parameters; IOS accepts it.
        var reachable = nodes.SelectMany(n => n.Reachable).Distinct().ToList();
        if (_allowPartial && index > _start && reachable.Count == 1)
        {
            return Success(reachable[0], complete: false);
        }

        return Failure(CliErrorKind.Incomplete, _line.Length, index);
    }

    private CommandMatch Success(Command command, bool complete) => new()
    {
        Command = command,
        Arguments = new List<CommandArgument>(_arguments),
        Keywords = new List<string>(_keywords),
        IsComplete = complete,
        Depth = _tokens.Count,
    };

    private CommandMatch Failure(CliErrorKind kind, int column, int depth) => new()
    {
        Error = new CliError(kind, _line, column),
        Depth = depth,
    };

    /// <summary>
    /// IOS puts the caret on the first character no keyword can continue with, so a typo
    /// late in a word (<c>brieff</c>) is marked where it goes wrong, not at the word's start.
    /// </summary>
    private static int CaretColumn(IReadOnlyList<TreeNode> nodes, CommandToken token)
    {
        int common = 0;
        foreach (var (element, _) in nodes.SelectMany(n => n.Edges))
        {
            if (element.Keyword is { } keyword)
            {
                common = Math.Max(common, CommonPrefixLength(keyword, token.Text));
            }
        }

        return token.Column + Math.Min(common, token.Text.Length - 1);
    }

    private static int CommonPrefixLength(string keyword, string text)
    {
        int length = 0;
        while (length < keyword.Length && length < text.Length
            && char.ToLowerInvariant(keyword[length]) == char.ToLowerInvariant(text[length]))
        {
            length++;
        }

        return length;
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace DmvpnLab.Ios.Filters;

/// <summary>
/// An output filter as typed after <c>|</c>: <c>include</c>, <c>exclude</c>, <c>begin</c>,
/// <c>section</c> or <c>count</c>, each followed by a regular expression that runs to the
/// end of the line, so <c>| inc crypt:|current_peer</c> is one alternation.
/// </summary>
public sealed class OutputFilter
{
    // IOS's full list decides abbreviation ("e" is exclude, "c" is count) even though the
    // emulator implements only five; the file-writing ones are refused.
    private static readonly string[] AllKeywords =
        ["append", "begin", "count", "exclude", "format", "include", "redirect", "section", "tee"];

    private readonly Regex _regex;

    private OutputFilter(FilterKind kind, string pattern, Regex regex)
    {
        Kind = kind;
        Pattern = pattern;
        _regex = regex;
    }

    public FilterKind Kind { get; }

    public string Pattern { get; }

    /// <summary>
    /// Parses the text after the pipe. <paramref name="offset"/> is the column of that text
    /// in the command line, so a caret lands under the right character.
    /// </summary>
    public static bool TryParse(string line, int offset, out OutputFilter? filter,
        out CliError? error)
    {
        filter = null;
        error = null;
        int i = offset;
        while (i < line.Length && Parsing.Tokenizer.IsBlank(line[i]))
        {
            i++;
        }

        int wordStart = i;
        while (i < line.Length && !Parsing.Tokenizer.IsBlank(line[i]))
        {
            i++;
        }

        string word = line[wordStart..i];
        string pattern = line[i..].Trim();
        if (word.Length == 0)
        {
            error = new CliError(CliErrorKind.Incomplete, line, line.Length);
            return false;
        }

        var matches = AllKeywords.Where(k => k.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (matches.Count > 1)
        {
            error = new CliError(CliErrorKind.Ambiguous, line, wordStart);
            return false;
        }

        if (matches.Count == 0 || !TryKind(matches[0], out var kind))
        {
            error = new CliError(CliErrorKind.InvalidInput, line, wordStart);
            return false;
        }

        if (pattern.Length == 0)
        {
            error = new CliError(CliErrorKind.Incomplete, line, line.Length);
            return false;
        }

        if (!IosRegex.TryCreate(pattern, out var regex))
        {
            error = new CliError(CliErrorKind.InvalidInput, line, line.IndexOf(pattern, i));
            return false;
        }

        filter = new OutputFilter(kind, pattern, regex!);
        return true;
    }

    public bool IsMatch(string line) => _regex.IsMatch(line);

    /// <summary>Filters a command's whole output.</summary>
    public string Apply(string output)
    {
        var lines = SplitLines(output);
        var result = new StringBuilder();
        switch (Kind)
        {
            case FilterKind.Include:
                AppendWhere(lines, result, IsMatch);
                break;
            case FilterKind.Exclude:
                AppendWhere(lines, result, l => !IsMatch(l));
                break;
            case FilterKind.Begin:
                AppendFromFirstMatch(lines, result);
                break;
            case FilterKind.Section:
                AppendSections(lines, result);
                break;
            case FilterKind.Count:
                result.Append("Number of lines which match regexp = ")
                    .Append(lines.Count(IsMatch)).Append('\n');
                break;
        }

        return result.ToString();
    }

    private static bool TryKind(string keyword, out FilterKind kind)
    {
        kind = keyword switch
        {
            "include" => FilterKind.Include,
            "exclude" => FilterKind.Exclude,
            "begin" => FilterKind.Begin,
            "section" => FilterKind.Section,
            "count" => FilterKind.Count,
            _ => (FilterKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    private static List<string> SplitLines(string output)
    {
        var lines = output.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static void AppendWhere(List<string> lines, StringBuilder result,
        Func<string, bool> keep)
    {
        foreach (string line in lines)
        {
            if (keep(line))
            {
                result.Append(line).Append('\n');
            }
        }
    }

    private void AppendFromFirstMatch(List<string> lines, StringBuilder result)
    {
        int first = lines.FindIndex(IsMatch);
        for (int i = first < 0 ? lines.Count : first; i < lines.Count; i++)
        {
            result.Append(lines[i]).Append('\n');
        }
    }

    /// <summary>
    /// A matching line comes out with the lines indented deeper that follow it — for a
    /// header such as <c>interface Tunnel0</c>, its whole block.
    /// </summary>
    private void AppendSections(List<string> lines, StringBuilder result)
    {
        int i = 0;
        while (i < lines.Count)
        {
            if (!IsMatch(lines[i]))
            {
                i++;
                continue;
            }

            int indent = Indentation(lines[i]);
            result.Append(lines[i]).Append('\n');
            i++;
            while (i < lines.Count && lines[i].Trim().Length > 0
                && Indentation(lines[i]) > indent)
            {
                result.Append(lines[i]).Append('\n');
                i++;
            }
        }
    }

    private static int Indentation(string line)
    {
        int count = 0;
        while (count < line.Length && Parsing.Tokenizer.IsBlank(line[count]))
        {
            count++;
        }

        return count;
    }
}

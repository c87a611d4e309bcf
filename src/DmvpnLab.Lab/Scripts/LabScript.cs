using System.Text.RegularExpressions;
using DmvpnLab.Lab.Definition;

namespace DmvpnLab.Lab.Scripts;

/// <summary>
/// Parses <c>script.txt</c>. Lines are `NODE&gt; command` or `NODE# command`, `wait 30s`,
/// `wait converged`, `expect REGEX`, `link down|up NODE:IF`, `reload NODE`; `#` starts
/// a comment line. A line the parser does not know is an error naming its number.
/// </summary>
public static partial class LabScript
{
    public const string FileName = "script.txt";

    [GeneratedRegex(@"^(?<node>[A-Za-z0-9_.\-]+)(?<prompt>[>#])\s*(?<command>.*)$")]
    private static partial Regex CommandLine();

    public static List<ScriptLine> Parse(string text, string path,
        IReadOnlyCollection<string> nodeNames)
    {
        var lines = new List<ScriptLine>();
        int number = 0;
        foreach (string raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            string line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;

            lines.Add(ParseLine(line, number, path, nodeNames));
        }

        return lines;
    }

    private static ScriptLine ParseLine(string line, int number, string path,
        IReadOnlyCollection<string> nodeNames)
    {
        string where = $"{path}:{number}";
        if (line == "wait converged")
            return new ScriptLine(number, ScriptLineKind.WaitConverged, line);

        if (line.StartsWith("wait ", StringComparison.Ordinal))
        {
            var duration = LabDefinitionReader.ParseDuration(line[5..], where);
            return new ScriptLine(number, ScriptLineKind.Wait, line) { Duration = duration };
        }

        if (line.StartsWith("expect ", StringComparison.Ordinal))
        {
            string pattern = line[7..].Trim();
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException e)
            {
                throw new LabLoadException($"{where}: bad expect pattern: {e.Message}");
            }

            return new ScriptLine(number, ScriptLineKind.Expect, pattern);
        }

        if (line.StartsWith("link down ", StringComparison.Ordinal) ||
            line.StartsWith("link up ", StringComparison.Ordinal))
        {
            bool down = line.StartsWith("link down ", StringComparison.Ordinal);
            string endpoint = line[(down ? 10 : 8)..].Trim();
            var (node, _) = SplitEndpoint(endpoint, number, path);
            RequireNode(node, nodeNames, where);
            return new ScriptLine(number, down ? ScriptLineKind.LinkDown : ScriptLineKind.LinkUp,
                endpoint) { Node = node };
        }

        if (line.StartsWith("reload ", StringComparison.Ordinal))
        {
            string node = line[7..].Trim();
            RequireNode(node, nodeNames, where);
            return new ScriptLine(number, ScriptLineKind.Reload, line) { Node = node };
        }

        var match = CommandLine().Match(line);
        if (!match.Success)
            throw new LabLoadException($"{where}: cannot read '{Printable(line)}'");

        string name = match.Groups["node"].Value;
        RequireNode(name, nodeNames, where);
        return new ScriptLine(number, ScriptLineKind.Command, match.Groups["command"].Value)
        {
            Node = name,
            PromptCharacter = match.Groups["prompt"].Value,
        };
    }

    /// <summary>Splits `NODE:INTERFACE` in a script line; errors name the script line.</summary>
    public static (string Node, string Interface) SplitEndpoint(string endpoint, int lineNumber,
        string path = FileName)
    {
        int colon = endpoint.IndexOf(':');
        if (colon <= 0 || colon == endpoint.Length - 1)
            throw new LabLoadException(
                $"{path}:{lineNumber}: '{Printable(endpoint)}' is not node:interface");

        return (endpoint[..colon], endpoint[(colon + 1)..]);
    }

    /// <summary>Control characters from a file are shown as `?`, never sent to the terminal.</summary>
    private static string Printable(string text) =>
        string.Create(Math.Min(text.Length, 200), text, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
                chars[i] = char.IsControl(source[i]) ? '?' : source[i];
        });

    private static void RequireNode(string node, IReadOnlyCollection<string> nodeNames,
        string where)
    {
        if (!nodeNames.Contains(node))
            throw new LabLoadException($"{where}: unknown node '{Printable(node)}'");
    }
}

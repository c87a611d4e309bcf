using System.Globalization;

namespace DmvpnLab.Ios.Parsing;

/// <summary>
/// Parses a command pattern such as <c>keepalive [&lt;1-32767&gt; [&lt;1-255&gt;]]</c> or
/// <c>ip nhrp map multicast {dynamic|&lt;A.B.C.D&gt;}</c> and expands its optional parts and
/// alternatives into plain sequences of elements, which the command tree stores as paths.
/// </summary>
/// <remarks>
/// Grammar: <c>seq := item*</c>; <c>item := keyword | &lt;TYPE[:name]&gt; | [seq(|seq)*] |
/// {seq(|seq)*}</c>. TYPE is <c>A.B.C.D</c>, <c>lo-hi</c>, <c>WORD</c>, <c>LINE</c> or
/// <c>IFNAME</c>. A malformed pattern is a bug in the registering layer and throws.
/// </remarks>
public sealed class CommandPattern
{
    // Expansion is a product over groups; a pattern needing more paths than this is better
    // registered as several commands.
    private const int MaximumVariants = 256;

    private readonly List<string> _parts;
    private int _position;

    private CommandPattern(string text)
    {
        _parts = Lex(text);
    }

    public static IReadOnlyList<IReadOnlyList<PatternElement>> Expand(string text)
    {
        var parser = new CommandPattern(text);
        var variants = parser.ParseSequence(inGroup: false);
        if (parser._position != parser._parts.Count)
        {
            throw new ArgumentException($"Unbalanced group in pattern \"{text}\".");
        }

        if (variants.Count == 0 || variants.Any(v => v.Count == 0))
        {
            throw new ArgumentException($"Pattern \"{text}\" can match an empty line.");
        }

        var lineIndex = variants.Select(v => v.FindIndex(e => e.Kind == ParameterKind.Line));
        if (variants.Zip(lineIndex).Any(p => p.Second >= 0 && p.Second != p.First.Count - 1))
        {
            throw new ArgumentException($"<LINE> must end pattern \"{text}\".");
        }

        return variants;
    }

    private static List<string> Lex(string text)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c is '[' or ']' or '{' or '}' or '|')
            {
                parts.Add(c.ToString());
                i++;
            }
            else
            {
                int start = i;
                bool inAngle = false;
                while (i < text.Length && (inAngle || !IsBreak(text[i])))
                {
                    inAngle = text[i] == '<' || (inAngle && text[i] != '>');
                    i++;
                }

                parts.Add(text[start..i]);
            }
        }

        return parts;
    }

    private static bool IsBreak(char c) => c == ' ' || "[]{}|".Contains(c);

    private List<List<PatternElement>> ParseSequence(bool inGroup)
    {
        var result = new List<List<PatternElement>> { new() };
        while (_position < _parts.Count)
        {
            string part = _parts[_position];
            if (part is "]" or "}" or "|")
            {
                break;
            }

            _position++;
            List<List<PatternElement>> item = part switch
            {
                "[" => ParseGroup("]", inGroup: true, optional: true),
                "{" => ParseGroup("}", inGroup: true, optional: false),
                _ => [[ParseElement(part, inGroup)]],
            };
            result = Product(result, item);
        }

        return result;
    }

    private List<List<PatternElement>> ParseGroup(string close, bool inGroup, bool optional)
    {
        var choices = new List<List<PatternElement>>();
        if (optional)
        {
            choices.Add([]);
        }

        while (true)
        {
            choices.AddRange(ParseSequence(inGroup));
            if (_position >= _parts.Count)
            {
                throw new ArgumentException($"Missing '{close}' in pattern.");
            }

            string part = _parts[_position++];
            if (part == close)
            {
                return choices;
            }

            if (part != "|")
            {
                throw new ArgumentException($"Unexpected '{part}' in pattern.");
            }
        }
    }

    private static List<List<PatternElement>> Product(
        List<List<PatternElement>> left, List<List<PatternElement>> right)
    {
        var result = new List<List<PatternElement>>(left.Count * right.Count);
        foreach (var head in left)
        {
            foreach (var tail in right)
            {
                result.Add([.. head, .. tail]);
            }
        }

        if (result.Count > MaximumVariants)
        {
            throw new ArgumentException("Pattern expands to too many variants.");
        }

        return result;
    }

    private static PatternElement ParseElement(string part, bool inGroup)
    {
        if (!part.StartsWith('<'))
        {
            if (part.Contains('<') || part.Contains('>'))
            {
                throw new ArgumentException($"Malformed keyword \"{part}\" in pattern.");
            }

            return PatternElement.ForKeyword(part, inGroup);
        }

        if (!part.EndsWith('>') || part.Length < 3)
        {
            throw new ArgumentException($"Malformed parameter \"{part}\" in pattern.");
        }

        string body = part[1..^1];
        int colon = body.IndexOf(':');
        string type = colon < 0 ? body : body[..colon];
        string name = colon < 0 ? type : body[(colon + 1)..];
        return ParseParameter(type, name);
    }

    private static PatternElement ParseParameter(string type, string name)
    {
        switch (type)
        {
            case "A.B.C.D":
                return PatternElement.ForParameter(ParameterKind.Ipv4Address, name);
            case "WORD":
                return PatternElement.ForParameter(ParameterKind.Word, name);
            case "LINE":
                return PatternElement.ForParameter(ParameterKind.Line, name);
            case "IFNAME":
                return PatternElement.ForParameter(ParameterKind.InterfaceName, name);
        }

        int dash = type.IndexOf('-');
        if (dash > 0
            && ulong.TryParse(type[..dash], NumberStyles.None, CultureInfo.InvariantCulture,
                out ulong min)
            && ulong.TryParse(type[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture,
                out ulong max)
            && min <= max)
        {
            return PatternElement.ForParameter(ParameterKind.Number, name, min, max);
        }

        throw new ArgumentException($"Unknown parameter type <{type}> in pattern.");
    }
}

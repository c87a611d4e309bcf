namespace DmvpnLab.Ios.Parsing;

/// <summary>
/// One position of an expanded command pattern: a keyword or a typed parameter.
/// </summary>
public sealed class PatternElement
{
    private PatternElement(string? keyword, ParameterKind? kind, string name, bool variable,
        ulong min, ulong max)
    {
        Keyword = keyword;
        Kind = kind;
        Name = name;
        IsVariable = variable;
        Min = min;
        Max = max;
    }

    /// <summary>The keyword in lower case as IOS lists it, or null for a parameter.</summary>
    public string? Keyword { get; }

    public ParameterKind? Kind { get; }

    public string Name { get; }

    /// <summary>True when the element came from a group, so the handler must learn which
    /// keyword was chosen.</summary>
    public bool IsVariable { get; }

    public ulong Min { get; }

    public ulong Max { get; }

    public bool IsKeyword => Keyword is not null;

    public static PatternElement ForKeyword(string keyword, bool variable) =>
        new(keyword.ToLowerInvariant(), null, keyword.ToLowerInvariant(), variable, 0, 0);

    public static PatternElement ForParameter(ParameterKind kind, string name, ulong min = 0,
        ulong max = 0) => new(null, kind, name, true, min, max);

    /// <summary>Two elements merge into one tree edge when they accept the same words and
    /// report them the same way.</summary>
    public bool SameAs(PatternElement other) =>
        Keyword == other.Keyword && Kind == other.Kind && Name == other.Name
        && IsVariable == other.IsVariable && Min == other.Min && Max == other.Max;

    /// <summary>Lower means tried first when several parameters accept the same word; the
    /// most specific type wins, and LINE, which swallows everything, comes last.</summary>
    public int Specificity => Kind switch
    {
        null => 0,
        ParameterKind.Ipv4Address => 1,
        ParameterKind.Number => 2,
        ParameterKind.InterfaceName => 3,
        ParameterKind.Word => 4,
        _ => 5,
    };

    public override string ToString() => Keyword ?? $"<{Name}>";
}

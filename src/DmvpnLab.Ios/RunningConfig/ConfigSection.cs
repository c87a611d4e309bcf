namespace DmvpnLab.Ios.RunningConfig;

/// <summary>
/// One block of <c>show running-config</c>: an optional header such as
/// <c>interface Tunnel1</c> and the lines under it, which several features may contribute
/// (addressing from Net, <c>ip nhrp</c> from NHRP, <c>tunnel</c> from GRE).
/// </summary>
public sealed class ConfigSection
{
    private readonly List<(int Order, int Sequence, string Text)> _lines = new();

    internal ConfigSection(int order, string? header)
    {
        Order = order;
        Header = header;
    }

    /// <summary>Where the section sits in the config; see
    /// <see cref="RunningConfigOrder"/>.</summary>
    public int Order { get; }

    /// <summary>The unindented first line, or null for a run of global lines such as the
    /// <c>ip route</c> statements.</summary>
    public string? Header { get; }

    public int LineCount => _lines.Count;

    /// <summary>
    /// Adds a line. Under a header it is indented one space when rendered; text that is
    /// already indented (a nested block) keeps its own spaces after that one.
    /// Lines sort by <paramref name="order"/>, then by when they were added.
    /// </summary>
    public ConfigSection Add(string line, int order = 0)
    {
        _lines.Add((order, _lines.Count, line));
        return this;
    }

    internal IEnumerable<string> Render()
    {
        if (Header is not null)
        {
            yield return Header;
        }

        string indent = Header is null ? "" : " ";
        foreach (var (_, _, text) in _lines.OrderBy(l => l.Order).ThenBy(l => l.Sequence))
        {
            yield return indent + text;
        }
    }
}

using System.Text;

namespace DmvpnLab.Ios.RunningConfig;

/// <summary>
/// Collects sections from every feature and renders them as <c>show running-config</c>
/// does: a banner with the byte count, sections in IOS order separated by <c>!</c>,
/// and <c>end</c>.
/// </summary>
public sealed class RunningConfigBuilder
{
    private readonly List<(ConfigSection Section, int Sequence)> _sections = new();

    /// <summary>
    /// Returns the section with this header and order, creating it; features that add to
    /// the same interface therefore share one block.
    /// </summary>
    public ConfigSection Section(int order, string? header)
    {
        foreach (var (section, _) in _sections)
        {
            if (section.Order == order && section.Header == header)
            {
                return section;
            }
        }

        var created = new ConfigSection(order, header);
        _sections.Add((created, _sections.Count));
        return created;
    }

    /// <summary>The sections' lines with <c>!</c> between them, without banner or
    /// <c>end</c>; what <c>show running-config interface X</c> shows a part of.</summary>
    public string RenderBody()
    {
        var builder = new StringBuilder();
        var ordered = _sections
            .Where(s => s.Section.Header is not null || s.Section.LineCount > 0)
            .OrderBy(s => s.Section.Order).ThenBy(s => s.Sequence);
        foreach (var (section, _) in ordered)
        {
            foreach (string line in section.Render())
            {
                builder.Append(line).Append('\n');
            }

            builder.Append("!\n");
        }

        return builder.ToString();
    }

    /// <summary>The full output, banner and byte count included.</summary>
    public string Render()
    {
        string body = "!\n" + RenderBody() + "end\n";
        var builder = new StringBuilder();
        builder.Append("Building configuration...\n\n");
        builder.Append("Current configuration : ").Append(Encoding.UTF8.GetByteCount(body))
            .Append(" bytes\n");
        builder.Append(body);
        return builder.ToString();
    }
}

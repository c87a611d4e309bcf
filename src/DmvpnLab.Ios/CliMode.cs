namespace DmvpnLab.Ios;

/// <summary>
/// A CLI mode such as <c>config-if</c>. Each mode owns the commands valid in it; a config
/// sub-mode also falls back to its ancestors, as IOS does when a pasted line belongs to an
/// outer mode.
/// </summary>
public sealed class CliMode
{
    internal CliMode(string name, string promptSuffix, CliMode? parent, bool isConfig)
    {
        Name = name;
        PromptSuffix = promptSuffix;
        Parent = parent;
        IsConfig = isConfig;
        Commands = new CommandTree(this);
    }

    /// <summary>The mode's name, e.g. "config-if".</summary>
    public string Name { get; }

    /// <summary>What follows the hostname in the prompt, e.g. "(config-if)#".</summary>
    public string PromptSuffix { get; }

    public CliMode? Parent { get; }

    /// <summary>True for global configuration and its sub-modes, where <c>no</c>,
    /// <c>default</c> and <c>do</c> apply.</summary>
    public bool IsConfig { get; }

    public CommandTree Commands { get; }

    /// <summary>A mode whose commands are valid here too, judged together for abbreviation:
    /// privileged exec inherits user exec.</summary>
    public CliMode? Inherits { get; internal set; }

    public string RenderPrompt(string hostname) => hostname + PromptSuffix;

    /// <summary>This mode and then its parents, innermost first.</summary>
    public IEnumerable<CliMode> SelfAndAncestors()
    {
        for (var mode = this; mode is not null; mode = mode.Parent)
        {
            yield return mode;
        }
    }

    public override string ToString() => Name;
}

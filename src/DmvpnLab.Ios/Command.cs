namespace DmvpnLab.Ios;

/// <summary>A registered command: its pattern, the mode it lives in and its handler.</summary>
public sealed class Command
{
    internal Command(CliMode mode, string pattern, CommandHandler handler, bool allowsNo)
    {
        Mode = mode;
        Pattern = pattern;
        Handler = handler;
        AllowsNo = allowsNo;
    }

    public CliMode Mode { get; }

    /// <summary>The pattern as registered, e.g. <c>tunnel key &lt;0-4294967295&gt;</c>.</summary>
    public string Pattern { get; }

    public CommandHandler Handler { get; }

    /// <summary>Whether <c>no</c> and <c>default</c> forms reach this handler.</summary>
    public bool AllowsNo { get; }

    public override string ToString() => $"{Mode.Name}: {Pattern}";
}

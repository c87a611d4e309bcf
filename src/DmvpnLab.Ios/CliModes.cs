namespace DmvpnLab.Ios;

/// <summary>
/// The mode tree of one router's CLI: user exec (<c>Router&gt;</c>), privileged exec
/// (<c>Router#</c>), global configuration (<c>Router(config)#</c>) and whatever sub-modes
/// the layers register. Mode-changing built-ins (<c>enable</c>, <c>configure terminal</c>,
/// <c>exit</c>, <c>end</c>) are registered here like any command, so they abbreviate.
/// </summary>
public sealed class CliModes
{
    public const string ConfigureBanner =
        "Enter configuration commands, one per line.  End with CNTL/Z.";

    private readonly Dictionary<string, CliMode> _modes = new(StringComparer.Ordinal);

    public CliModes()
    {
        UserExec = Add(new CliMode("exec", ">", null, isConfig: false));
        PrivilegedExec = Add(new CliMode("privileged-exec", "#", UserExec, isConfig: false));
        PrivilegedExec.Inherits = UserExec;
        GlobalConfig = Add(new CliMode("config", "(config)#", PrivilegedExec, isConfig: true));
        RegisterExecBuiltIns();
        RegisterConfigBuiltIns(GlobalConfig);
    }

    public CliMode UserExec { get; }

    public CliMode PrivilegedExec { get; }

    public CliMode GlobalConfig { get; }

    public IEnumerable<CliMode> All => _modes.Values;

    /// <summary>
    /// Registers a configuration sub-mode such as "config-if", whose prompt is
    /// <c>Router(config-if)#</c>. Its parent (global config unless given) is where lines it
    /// does not know are tried next.
    /// </summary>
    public CliMode Register(string name, CliMode? parent = null)
    {
        parent ??= GlobalConfig;
        if (!parent.IsConfig)
        {
            throw new ArgumentException($"Sub-mode {name} needs a configuration parent.");
        }

        var mode = Add(new CliMode(name, $"({name})#", parent, isConfig: true));
        RegisterConfigBuiltIns(mode);
        return mode;
    }

    public CliMode Get(string name) =>
        _modes.TryGetValue(name, out var mode)
            ? mode
            : throw new KeyNotFoundException($"No CLI mode named {name}.");

    public bool TryGet(string name, out CliMode? mode) => _modes.TryGetValue(name, out mode);

    private CliMode Add(CliMode mode)
    {
        if (!_modes.TryAdd(mode.Name, mode))
        {
            throw new InvalidOperationException($"CLI mode {mode.Name} registered twice.");
        }

        return mode;
    }

    private void RegisterExecBuiltIns()
    {
        UserExec.Commands.Register("enable", _ => CommandResult.Enter(PrivilegedExec));
        UserExec.Commands.Register("exit", _ => CommandResult.Exit);
        UserExec.Commands.Register("logout", _ => CommandResult.Exit);
        PrivilegedExec.Commands.Register("disable", _ => CommandResult.Enter(UserExec));
        PrivilegedExec.Commands.Register("configure [terminal]", context =>
        {
            context.Output.WriteLine(ConfigureBanner);
            return CommandResult.Enter(GlobalConfig);
        });
    }

    private static void RegisterConfigBuiltIns(CliMode mode)
    {
        mode.Commands.Register("exit", _ => CommandResult.Exit, allowsNo: false);
        mode.Commands.Register("end", _ => CommandResult.End, allowsNo: false);
    }
}

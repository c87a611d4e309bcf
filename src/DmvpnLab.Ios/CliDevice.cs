namespace DmvpnLab.Ios;

/// <summary>
/// One router as its CLI sees it: the mode tree with every registered command, and the
/// hostname shown in prompts. The config loader and any number of sessions share it.
/// </summary>
/// <remarks>
/// A mode tree may be shared by many devices (ten thousand spokes need not build ten
/// thousand trees); handlers then find their router through <see cref="Owner"/>.
/// </remarks>
public sealed class CliDevice
{
    public CliDevice(CliModes modes, string hostname = "Router", object? owner = null)
    {
        Modes = modes;
        Hostname = hostname;
        Owner = owner;
    }

    public CliModes Modes { get; }

    /// <summary>The name in prompts; a <c>hostname</c> handler sets it.</summary>
    public string Hostname { get; set; }

    /// <summary>The object the registering layers configure (e.g. the node), or null.</summary>
    public object? Owner { get; }
}

namespace DmvpnLab.Net.Commands;

/// <summary>Names of the configuration sub-modes Net registers, for other layers to find.</summary>
public static class NetCliModes
{
    public const string Interface = "config-if";
}

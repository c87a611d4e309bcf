namespace DmvpnLab.Net.Tunnels;

/// <summary>`tunnel mode …`: IOS's default point-to-point GRE, or multipoint GRE.</summary>
public enum TunnelMode
{
    GreIp,
    GreMultipoint,
}

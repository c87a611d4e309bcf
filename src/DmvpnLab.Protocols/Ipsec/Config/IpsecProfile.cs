namespace DmvpnLab.Protocols.Ipsec.Config;

/// <summary>
/// `crypto ipsec profile NAME`: the transform sets and lifetimes a protected tunnel
/// negotiates. IOS's defaults: 3600 seconds and 4608000 kilobytes.
/// </summary>
public sealed class IpsecProfile
{
    public const int DefaultLifetimeSeconds = 3600;
    public const long DefaultLifetimeKilobytes = 4_608_000;

    public IpsecProfile(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>Transform set names in the order `set transform-set` gave them.</summary>
    public List<string> TransformSetNames { get; } = [];

    public int LifetimeSeconds { get; set; } = DefaultLifetimeSeconds;

    public long LifetimeKilobytes { get; set; } = DefaultLifetimeKilobytes;
}

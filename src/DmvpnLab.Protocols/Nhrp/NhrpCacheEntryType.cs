namespace DmvpnLab.Protocols.Nhrp;

/// <summary>"Type:" in `show ip nhrp`.</summary>
public enum NhrpCacheEntryType
{
    /// <summary>`ip nhrp map`: never expires.</summary>
    Static,

    /// <summary>Learned from a registration, resolution or request.</summary>
    Dynamic,

    /// <summary>A resolution is pending; the entry keeps further requests back.</summary>
    Incomplete,
}

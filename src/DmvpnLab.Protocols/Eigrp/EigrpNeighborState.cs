namespace DmvpnLab.Protocols.Eigrp;

/// <summary>Where a neighbor is in its bring-up (RFC 7868 5.3.5, 5.5.3).</summary>
public enum EigrpNeighborState
{
    /// <summary>Heard; INIT Updates being exchanged. No routes are sent or taken yet.</summary>
    Pending,

    /// <summary>Both INITs acknowledged: routes flow.</summary>
    Up,
}

namespace DmvpnLab.Wire.Nhrp;

/// <summary>Flags of Purge Request and Reply (RFC 2332 5.2.5).</summary>
[Flags]
public enum NhrpPurgeFlags : ushort
{
    None = 0,

    /// <summary>N: no reply is expected.</summary>
    NoReply = 0x8000,
}

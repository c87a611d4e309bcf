namespace DmvpnLab.Wire.Isakmp;

/// <summary>The Flags byte of the ISAKMP header (RFC 2408 3.1).</summary>
[Flags]
public enum IsakmpFlags : byte
{
    None = 0,

    /// <summary>E: the payloads after the header are encrypted.</summary>
    Encryption = 0x01,

    /// <summary>C: commit, for key exchange synchronisation.</summary>
    Commit = 0x02,

    /// <summary>A: authentication only, no encryption of the payloads.</summary>
    AuthenticationOnly = 0x04,
}

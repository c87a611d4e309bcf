namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// Flags of Resolution Request and Reply (RFC 2332 5.2.1): Q, A, D, U, S, plus the bit IOS
/// sets to say it understands its NAT extension.
/// </summary>
[Flags]
public enum NhrpResolutionFlags : ushort
{
    None = 0,

    /// <summary>Q: the requester is a router (RFC 2332 5.2.1).</summary>
    Router = 0x8000,

    /// <summary>A: the reply is authoritative, or one is wanted.</summary>
    Authoritative = 0x4000,

    /// <summary>D: the destination is stable (directly attached to the NBMA).</summary>
    DestinationStable = 0x2000,

    /// <summary>U: uniqueness.</summary>
    Unique = 0x1000,

    /// <summary>S: the source binding is stable ("Stable Binding" in tshark).</summary>
    SourceStable = 0x0800,

    /// <summary>IOS: the sender supports the Cisco NAT address extension.</summary>
    CiscoNat = 0x0002,
}

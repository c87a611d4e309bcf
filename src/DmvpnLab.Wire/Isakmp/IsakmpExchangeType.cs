namespace DmvpnLab.Wire.Isakmp;

/// <summary>The Exchange Type of the ISAKMP header (RFC 2408 3.1 and 4.1, RFC 2409 5).</summary>
public enum IsakmpExchangeType : byte
{
    None = 0,

    Base = 1,

    /// <summary>RFC 2408 4.5; IKE's Main Mode (RFC 2409 5).</summary>
    IdentityProtection = 2,

    AuthenticationOnly = 3,

    /// <summary>RFC 2408 4.7; IKE's Aggressive Mode.</summary>
    Aggressive = 4,

    /// <summary>RFC 2408 4.8.</summary>
    Informational = 5,

    /// <summary>RFC 2409 5.5: phase 2.</summary>
    QuickMode = 32,

    /// <summary>RFC 2409 5.6.</summary>
    NewGroupMode = 33,
}

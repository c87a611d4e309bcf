namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// The ar$op.type byte of the NHRP fixed header (RFC 2332 5.1), plus Cisco's Traffic
/// Indication that IOS sends for DMVPN phase 3 redirects. Unlisted values survive a round
/// trip: the enum is only a name for the byte.
/// </summary>
public enum NhrpPacketType : byte
{
    /// <summary>RFC 2332 5.2.1.</summary>
    ResolutionRequest = 1,

    /// <summary>RFC 2332 5.2.2.</summary>
    ResolutionReply = 2,

    /// <summary>RFC 2332 5.2.3.</summary>
    RegistrationRequest = 3,

    /// <summary>RFC 2332 5.2.4.</summary>
    RegistrationReply = 4,

    /// <summary>RFC 2332 5.2.5.</summary>
    PurgeRequest = 5,

    /// <summary>RFC 2332 5.2.6.</summary>
    PurgeReply = 6,

    /// <summary>RFC 2332 5.2.7; its mandatory part differs from the others.</summary>
    ErrorIndication = 7,

    /// <summary>Cisco's redirect ("traffic indication"), sent by a hub with
    /// <c>ip nhrp redirect</c>; not in RFC 2332.</summary>
    TrafficIndication = 8,
}

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// Why NHRP dropped a packet that parsed. Codec refusals are counted separately under
/// <see cref="DmvpnLab.Wire.Nhrp.NhrpDropReason"/>.
/// </summary>
public enum NhrpProtocolDropReason
{
    /// <summary>The tunnel has no `ip nhrp network-id`: NHRP is off on it.</summary>
    NetworkIdNotConfigured,

    /// <summary>The Authentication extension is missing or its key differs.</summary>
    AuthenticationMismatch,

    /// <summary>Not IPv4 over IPv4 (ar$afn 1, ar$pro.type 0x0800, 4-byte addresses).</summary>
    UnsupportedAddressFamily,

    /// <summary>A Registration or Resolution Request without the CIE it must carry.</summary>
    MissingClientInformationEntry,

    /// <summary>A registration addressed to a server that is not us.</summary>
    RegistrationNotForUs,

    /// <summary>A reply whose Request ID matches nothing we sent.</summary>
    UnexpectedReply,

    /// <summary>A request we can neither answer nor forward (RFC 2332 5.2.1).</summary>
    NoRouteToDestination,

    /// <summary>RFC 2332 5.3.2: our own address is in the Forward Transit NHS Record.</summary>
    LoopDetected,

    /// <summary>RFC 2332 5.1: ar$hopcnt reached zero.</summary>
    HopCountExceeded,

    /// <summary>A Traffic Indication that does not enclose an IPv4 header.</summary>
    MalformedTrafficIndication,

    /// <summary>A message type this implementation does not act on (purge, error).</summary>
    UnhandledType,
}

namespace DmvpnLab.Wire.Icmp;

/// <summary>ICMP message types of RFC 792 that a router emulator meets.</summary>
public enum IcmpType : byte
{
    /// <summary>Echo reply.</summary>
    EchoReply = 0,

    /// <summary>Destination unreachable; codes in <see cref="IcmpUnreachableCode"/>.</summary>
    DestinationUnreachable = 3,

    /// <summary>Source quench (deprecated by RFC 6633).</summary>
    SourceQuench = 4,

    /// <summary>Redirect.</summary>
    Redirect = 5,

    /// <summary>Echo request.</summary>
    EchoRequest = 8,

    /// <summary>Time exceeded; codes in <see cref="IcmpTimeExceededCode"/>.</summary>
    TimeExceeded = 11,

    /// <summary>Parameter problem.</summary>
    ParameterProblem = 12,
}

/// <summary>Codes of destination unreachable (RFC 792, RFC 1191, RFC 1812 5.2.7.1).</summary>
public enum IcmpUnreachableCode : byte
{
    /// <summary>Network unreachable.</summary>
    Network = 0,

    /// <summary>Host unreachable (IOS's "U" for an unresolved next hop).</summary>
    Host = 1,

    /// <summary>Protocol unreachable.</summary>
    Protocol = 2,

    /// <summary>Port unreachable.</summary>
    Port = 3,

    /// <summary>Fragmentation needed and DF set; carries the next-hop MTU (RFC 1191).</summary>
    FragmentationNeeded = 4,

    /// <summary>Source route failed.</summary>
    SourceRouteFailed = 5,

    /// <summary>Communication administratively prohibited (RFC 1812).</summary>
    AdministrativelyProhibited = 13,
}

/// <summary>Codes of time exceeded (RFC 792).</summary>
public enum IcmpTimeExceededCode : byte
{
    /// <summary>TTL reached zero in transit.</summary>
    TimeToLiveExceeded = 0,

    /// <summary>Fragment reassembly time exceeded.</summary>
    FragmentReassembly = 1,
}

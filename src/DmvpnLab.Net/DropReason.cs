namespace DmvpnLab.Net;

/// <summary>Why a node dropped a packet; each has a counter (`show ip traffic`).</summary>
public enum DropReason
{
    TruncatedFrame,
    UnsupportedEtherType,
    MalformedArp,
    MalformedIpv4,
    BadIpv4Checksum,
    TtlExpired,
    NoRoute,
    UnknownProtocol,
    NoUdpListener,
    ArpQueueFull,
    InterfaceDown,
    MtuExceeded,
    MalformedIcmp,
    TunnelNoNextHop,
    TunnelUnprotectedDrop,
    MalformedGre,
    NoTunnelForKey,
    NullRoute,
}

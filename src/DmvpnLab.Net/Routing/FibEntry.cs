using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>How CEF treats packets that match an entry.</summary>
public enum FibEntryKind
{
    /// <summary>Forward to <see cref="FibEntry.NextHop"/> out of the interface.</summary>
    Forward,

    /// <summary>On a connected subnet: the destination itself is the next hop.</summary>
    Attached,

    /// <summary>One of our own addresses: deliver locally.</summary>
    Receive,

    /// <summary>A summary's discard route: the packet goes to Null0, dropped.</summary>
    Discard,
}

/// <summary>A resolved forwarding entry: the answer to "where does this packet go".</summary>
public sealed record FibEntry(Prefix Prefix, FibEntryKind Kind, NetworkInterface? Interface,
    Ipv4Address NextHop, Route? Route)
{
    public Ipv4Address NextHopFor(Ipv4Address destination) =>
        Kind == FibEntryKind.Attached ? destination : NextHop;
}

using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tunnels;

/// <summary>
/// Maps a tunnel next hop to the NBMA (underlay) address to send to. NHRP implements
/// it; a multipoint tunnel without one can reach nobody.
/// </summary>
public interface ITunnelNextHopResolver
{
    /// <summary>
    /// Returns true with the NBMA address when a mapping is known. Otherwise it may
    /// start a resolution (RFC 2332 5.2.1) and returns false: the packet is dropped,
    /// as IOS drops it while it resolves.
    /// </summary>
    bool TryResolve(TunnelInterface tunnel, Ipv4Address nextHop, Ipv4Address packetSource,
        Ipv4Address packetDestination, out Ipv4Address nbmaAddress);

    /// <summary>Where multicast and broadcast go (`ip nhrp map multicast …`).</summary>
    IReadOnlyList<Ipv4Address> MulticastDestinations(TunnelInterface tunnel);

    /// <summary>
    /// A packet came in on this tunnel and leaves on the same tunnel: the hub's cue for
    /// an NHRP redirect (DMVPN phase 3). The packet is borrowed for the call.
    /// </summary>
    void OnHairpin(TunnelInterface tunnel, ReadOnlySpan<byte> packet, Ipv4Address ingressNbma);

    /// <summary>
    /// The next hops the tunnel can reach now and their NBMA addresses: CEF's midchain
    /// adjacencies (`show adjacency`). Resolvers that keep no such list report none.
    /// </summary>
    IEnumerable<(Ipv4Address NextHop, Ipv4Address NbmaAddress)> ResolvedNextHops(
        TunnelInterface tunnel) => [];
}

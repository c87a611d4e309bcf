using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>What a router tells its neighbors about one destination on one interface.</summary>
/// <param name="Vector">The metric vector (delay all ones: unreachable).</param>
/// <param name="NextHop">
/// 0.0.0.0 (ourselves) unless `no ip next-hop-self` keeps a third party.
/// </param>
/// <param name="External">The external route's data, when the destination is external.</param>
internal readonly record struct EigrpAdvertisement(
    EigrpClassicMetric Vector, Ipv4Address NextHop, EigrpExternalRouteTlv? External);

using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>
/// A next hop a protocol puts in place of the routing protocol's for one prefix, as IOS 15
/// does for a DMVPN phase 3 shortcut (`%` and `[NHO]` in `show ip route`). It applies only
/// while the route it overrides leaves through <see cref="Interface"/>.
/// </summary>
public sealed record NextHopOverride(Prefix Prefix, Ipv4Address NextHop,
    NetworkInterface Interface, uint Metric, long InstalledAtNanoseconds);

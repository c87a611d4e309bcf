using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// Puts an EIGRP packet on an interface as IOS does (EIGRP_adjacency.pcap): IP protocol
/// 88, TTL 2, TOS 0xC0 (CS6), identification 0, no DF; multicasts to 224.0.0.10, which
/// Ethernet maps to 01:00:5e:00:00:0a and an mGRE tunnel copies to each NBMA address of
/// its multicast map.
/// </summary>
internal static class EigrpSender
{
    /// <summary>224.0.0.10, the all-EIGRP-routers group (RFC 7868 5.2).</summary>
    public static readonly Ipv4Address AllEigrpRouters = new(224, 0, 0, 10);

    public const byte TimeToLive = 2;

    public const byte TypeOfService = 0xC0;

    public static void Send(NetworkNode node, NetworkInterface networkInterface,
        Ipv4Address destination, EigrpPacket packet)
    {
        if (!networkInterface.IsUp || !networkInterface.HasAddress)
            return;

        var buffer = node.Pool.Rent();
        int length = packet.Emit(buffer.Bytes.AsSpan(NetworkNode.Headroom));
        int start = NetworkNode.Headroom - Ipv4HeaderView.MinimumHeaderLength;
        Ipv4Header.WriteHeader(buffer.Bytes.AsSpan(start), networkInterface.Address, destination,
            IpProtocol.Eigrp, TimeToLive, TypeOfService, identification: 0,
            dontFragment: false, length);
        networkInterface.TransmitIpv4(buffer, start,
            Ipv4HeaderView.MinimumHeaderLength + length, destination);
        node.Pool.Return(buffer);
    }
}

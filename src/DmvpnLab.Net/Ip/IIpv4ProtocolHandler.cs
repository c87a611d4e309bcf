using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Net.Ip;

/// <summary>
/// A protocol above IPv4 (GRE, ESP, EIGRP …) that the stack hands locally addressed
/// packets to. This is how Net reaches protocols without naming them.
/// </summary>
public interface IIpv4ProtocolHandler
{
    /// <summary>
    /// <paramref name="packet"/> is the whole IPv4 packet, header checked and trimmed
    /// to its total length; it is borrowed for the call only.
    /// </summary>
    void OnReceive(NetworkInterface ingress, Ipv4PacketView packet);
}

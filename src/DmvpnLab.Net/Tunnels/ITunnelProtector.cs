namespace DmvpnLab.Net.Tunnels;

using DmvpnLab.Sim;
using DmvpnLab.Wire;

/// <summary>
/// `tunnel protection`: takes the tunnel's outer packet (IPv4 + GRE + payload) and
/// sends it protected. IPsec implements it.
/// </summary>
public interface ITunnelProtector
{
    /// <summary>
    /// Sends the packet protected, or returns false when no security association is
    /// up yet; the protector then starts negotiating and the packet is dropped.
    /// </summary>
    bool TryProtect(TunnelInterface tunnel, PacketBuffer buffer, int offset, int length,
        Ipv4Address nbmaDestination);
}

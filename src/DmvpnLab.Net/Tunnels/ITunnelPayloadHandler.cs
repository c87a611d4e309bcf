using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tunnels;

/// <summary>A non-IP payload carried in a tunnel (NHRP rides GRE as protocol 0x2001).</summary>
public interface ITunnelPayloadHandler
{
    void OnTunnelPayload(TunnelInterface tunnel, Ipv4Address nbmaSource,
        ReadOnlySpan<byte> payload);
}

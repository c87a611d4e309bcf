using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// NHRP on a node: receives GRE protocol 0x2001 for every tunnel, and attaches an
/// <see cref="NhrpInterface"/> to each GRE tunnel as it is created, as its next-hop
/// resolver.
/// </summary>
public sealed class NhrpProtocol : ITunnelPayloadHandler
{
    /// <summary>IOS sends NHRP with outer TOS 0xC0 (CS6), refdata/pcaps/README.md.</summary>
    public const byte TypeOfService = 0xC0;

    private readonly Dictionary<TunnelInterface, NhrpInterface> interfaces = new();
    private uint lastRequestId;

    private NhrpProtocol(NetworkNode node)
    {
        Node = node;
    }

    public NetworkNode Node { get; }

    public NhrpDropCounters Drops { get; } = new();

    public static NhrpProtocol For(NetworkNode node)
    {
        var existing = node.GetFeature<NhrpProtocol>();
        if (existing is not null)
            return existing;

        var nhrp = new NhrpProtocol(node);
        node.SetFeature(nhrp);
        GreProtocol.For(node).RegisterPayload(GreTunnelInterface.ProtocolTypeNhrp, nhrp);
        node.RunningConfigWriters.Add(builder => NhrpRunningConfig.Write(nhrp, builder));
        node.InterfaceChanged += nhrp.OnInterfaceChanged;
        foreach (var candidate in node.Interfaces)
            nhrp.OnInterfaceChanged(candidate);

        return nhrp;
    }

    /// <summary>The tunnels' NHRP state, in interface order.</summary>
    public IEnumerable<NhrpInterface> Interfaces
    {
        get
        {
            foreach (var candidate in Node.Interfaces)
            {
                if (candidate is TunnelInterface tunnel &&
                    interfaces.TryGetValue(tunnel, out var nhrp))
                    yield return nhrp;
            }
        }
    }

    public NhrpInterface? Find(TunnelInterface tunnel) => interfaces.GetValueOrDefault(tunnel);

    /// <summary>The NHRP state of <paramref name="tunnel"/>, attaching it if needed.</summary>
    public NhrpInterface Attach(GreTunnelInterface tunnel)
    {
        if (interfaces.TryGetValue(tunnel, out var existing))
            return existing;

        var nhrp = new NhrpInterface(this, tunnel);
        interfaces[tunnel] = nhrp;
        tunnel.Resolver = nhrp;
        return nhrp;
    }

    /// <summary>RFC 2332 5.2.1: a Request ID unique among our outstanding requests.</summary>
    public uint NextRequestId()
    {
        lastRequestId = lastRequestId == uint.MaxValue ? 1 : lastRequestId + 1;
        return lastRequestId;
    }

    public void OnTunnelPayload(TunnelInterface tunnel, Ipv4Address nbmaSource,
        ReadOnlySpan<byte> payload)
    {
        if (tunnel is GreTunnelInterface gre)
            Attach(gre).Receive(nbmaSource, payload);
    }

    private void OnInterfaceChanged(NetworkInterface changed)
    {
        if (changed is GreTunnelInterface tunnel && !interfaces.ContainsKey(tunnel))
            Attach(tunnel);
    }
}

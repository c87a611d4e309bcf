using DmvpnLab.Net;
using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Protocols.Static;
using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Protocols.Ipsec;

namespace DmvpnLab.Lab.Nodes;

/// <summary>Attaches every protocol an IOS router runs to its network node.</summary>
public static class ProtocolSetup
{
    public static void Attach(NetworkNode node)
    {
        GreProtocol.For(node);
        node.RunningConfigWriters.Add(builder => StaticRouteCommands.WriteRunningConfig(node, builder));
        EigrpProtocol.For(node);
        IpsecService.For(node);
        node.VirtualInterfaceFactory = GreCommands.CreateTunnel;
        NhrpProtocol.For(node);
    }
}

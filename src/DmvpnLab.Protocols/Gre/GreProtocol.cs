using DmvpnLab.Ios.RunningConfig;
using DmvpnLab.Net;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Protocols.Gre;

/// <summary>
/// IP protocol 47 on a node: finds the tunnel a GRE packet belongs to by its
/// destination (the tunnel source) and key, strips the headers and hands the payload
/// on — IPv4 back to the stack as if it arrived on the tunnel, NHRP to its handler.
/// </summary>
public sealed class GreProtocol : IIpv4ProtocolHandler
{
    private readonly NetworkNode node;
    private readonly Dictionary<ushort, ITunnelPayloadHandler> payloadHandlers = new();

    /// <summary>
    /// Tunnels by the local address and key a GRE packet arrives with, so a hub finds the
    /// tunnel in constant time; rebuilt after any interface change.
    /// </summary>
    private readonly Dictionary<(Ipv4Address Local, uint? Key), List<GreTunnelInterface>>
        tunnelsByEndpoint = new();

    private bool tunnelIndexStale = true;

    private GreProtocol(NetworkNode node)
    {
        this.node = node;
        node.InterfaceChanged += _ => tunnelIndexStale = true;
    }

    public static GreProtocol For(NetworkNode node)
    {
        var existing = node.GetFeature<GreProtocol>();
        if (existing is not null)
            return existing;

        var gre = new GreProtocol(node);
        node.SetFeature(gre);
        node.RunningConfigWriters.Add(gre.WriteRunningConfig);
        node.Ipv4.Register(IpProtocol.Gre, gre);
        return gre;
    }

    private void WriteRunningConfig(RunningConfigBuilder builder)
    {
        foreach (var candidate in node.Interfaces)
        {
            if (candidate is not GreTunnelInterface tunnel)
                continue;

            var section = RunningConfigCommands.InterfaceSection(builder, tunnel);
            if (tunnel.Keepalive is { } keepalive)
                section.Add($"keepalive {keepalive.PeriodSeconds} {keepalive.Retries}",
                    InterfaceConfigLineOrder.Keepalive);
            if (tunnel.SourceInterface is { } source)
                section.Add($"tunnel source {source.Name}", InterfaceConfigLineOrder.Tunnel);
            if (tunnel.Destination is { } destination)
                section.Add($"tunnel destination {destination}", InterfaceConfigLineOrder.Tunnel);
            if (tunnel.Mode == TunnelMode.GreMultipoint)
                section.Add("tunnel mode gre multipoint", InterfaceConfigLineOrder.Tunnel);
            if (tunnel.Key is { } key)
                section.Add($"tunnel key {key}", InterfaceConfigLineOrder.Tunnel);
        }
    }

    public void RegisterPayload(ushort protocolType, ITunnelPayloadHandler handler) =>
        payloadHandlers[protocolType] = handler;

    public void OnReceive(NetworkInterface ingress, Ipv4PacketView packet)
    {
        if (!GreHeaderView.TryCreate(packet.Payload, out var gre, out _))
        {
            node.Drops.Count(DropReason.MalformedGre);
            return;
        }

        var tunnel = FindTunnel(packet.Destination, packet.Source,
            gre.KeyPresent ? gre.Key : null);
        if (tunnel is null)
        {
            node.Drops.Count(DropReason.NoTunnelForKey);
            return;
        }

        // IOS drops cleartext GRE arriving on a protected tunnel (RFC 4301 5.2 inbound policy).
        if (tunnel.Protector is not null && !node.Ipv4.ReceivingDecrypted)
        {
            node.Drops.Count(DropReason.TunnelUnprotectedDrop);
            tunnel.Counters.InputDrops++;
            return;
        }

        var payload = gre.Payload;
        tunnel.Counters.CountInput(payload.Length);
        ushort protocolType = (ushort)gre.ProtocolType;
        if (protocolType == GreTunnelInterface.ProtocolTypeIpv4)
        {
            if (tunnel.IsUp)
                node.Ipv4.ReceiveFromTunnel(tunnel, packet.Source, payload);
            return;
        }

        if (payloadHandlers.TryGetValue(protocolType, out var handler))
            handler.OnTunnelPayload(tunnel, packet.Source, payload);
    }

    private GreTunnelInterface? FindTunnel(Ipv4Address localAddress, Ipv4Address peer, uint? key)
    {
        if (tunnelIndexStale)
            RebuildTunnelIndex();

        if (!tunnelsByEndpoint.TryGetValue((localAddress, key), out var tunnels))
            return null;

        // A point-to-point tunnel to this peer wins over a multipoint one (IOS matches the
        // most specific tunnel first).
        GreTunnelInterface? multipoint = null;
        for (int i = 0; i < tunnels.Count; i++)
        {
            var tunnel = tunnels[i];
            if (tunnel.Mode == TunnelMode.GreIp && tunnel.Destination == peer)
                return tunnel;

            if (tunnel.Mode == TunnelMode.GreMultipoint)
                multipoint ??= tunnel;
        }

        return multipoint;
    }

    private void RebuildTunnelIndex()
    {
        tunnelsByEndpoint.Clear();
        foreach (var candidate in node.Interfaces)
        {
            if (candidate is not GreTunnelInterface tunnel || tunnel.SourceInterface is null)
                continue;

            var endpoint = (tunnel.SourceAddress, tunnel.Key);
            if (!tunnelsByEndpoint.TryGetValue(endpoint, out var list))
            {
                list = new List<GreTunnelInterface>(1);
                tunnelsByEndpoint[endpoint] = list;
            }

            list.Add(tunnel);
        }

        tunnelIndexStale = false;
    }
}

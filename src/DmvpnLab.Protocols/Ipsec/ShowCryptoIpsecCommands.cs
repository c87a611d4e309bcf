using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net.Commands;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// `show crypto ipsec sa [detail | peer A.B.C.D]` and `show crypto session [detail]` in
/// IOS 15's layout for tunnel protection (refdata show-crypto-ipsec-sa.txt and
/// show-crypto-session.txt, lab write-up blocks).
/// </summary>
public static class ShowCryptoIpsecCommands
{
    public static void Register(CliModes modes)
    {
        var exec = modes.UserExec.Commands;
        exec.Register("show crypto ipsec sa [{detail|peer <A.B.C.D:address>}]", context =>
        {
            var node = context.Node();
            Ipv4Address? peer = context.Find("address") is null ? null : context.Ipv4("address");
            WriteIpsecSa(context.Output, IpsecService.For(node), node.Scheduler.NowNanoseconds,
                peer, context.Has("detail"));
            return CommandResult.Ok;
        });

        exec.Register("show crypto session [{detail|brief}]", context =>
        {
            var node = context.Node();
            if (context.Has("brief"))
            {
                ShowCryptoSession.WriteBrief(context.Output, IpsecService.For(node),
                    node.Scheduler.NowNanoseconds);
                return CommandResult.Ok;
            }

            ShowCryptoSession.Write(context.Output, IpsecService.For(node),
                node.Scheduler.NowNanoseconds, context.Has("detail"));
            return CommandResult.Ok;
        });

        exec.Register("show crypto ipsec transform-set [<WORD:name>]", context =>
        {
            ShowCryptoIpsecPolicy.WriteTransformSets(context.Output,
                IpsecService.For(context.Node()), context.Find("name")?.Text);
            return CommandResult.Ok;
        });

        exec.Register("show crypto ipsec profile [<WORD:name>]", context =>
        {
            ShowCryptoIpsecPolicy.WriteProfiles(context.Output,
                IpsecService.For(context.Node()), context.Find("name")?.Text);
            return CommandResult.Ok;
        });

        exec.Register("show crypto map", context =>
        {
            ShowCryptoIpsecPolicy.WriteMaps(context.Output, IpsecService.For(context.Node()));
            return CommandResult.Ok;
        });

        exec.Register("show crypto socket", context =>
        {
            ShowCryptoSocket.Write(context.Output, IpsecService.For(context.Node()));
            return CommandResult.Ok;
        });

        exec.Register("show crypto engine connections active", context =>
        {
            ShowCryptoEngine.Write(context.Output, IpsecService.For(context.Node()));
            return CommandResult.Ok;
        });
    }

    private static void WriteIpsecSa(TextWriter output, IpsecService ipsec, long now,
        Ipv4Address? peerFilter, bool detail)
    {
        foreach (var tunnel in ProtectedTunnels(ipsec))
        {
            string tag = $"{tunnel.Name}-head-0";
            output.WriteLine();
            output.WriteLine($"interface: {tunnel.Name}");
            output.WriteLine($"    Crypto map tag: {tag}, local addr {tunnel.SourceAddress}");
            foreach (var flow in ipsec.Flows)
            {
                if (flow.Tunnel == tunnel && (peerFilter is null || flow.Peer == peerFilter))
                {
                    WriteFlow(output, flow, tag, now, detail);
                }
            }
        }
    }

    internal static List<TunnelInterface> ProtectedTunnels(IpsecService ipsec)
    {
        var tunnels = new List<TunnelInterface>();
        foreach (var flow in ipsec.Flows)
        {
            if (!tunnels.Contains(flow.Tunnel))
            {
                tunnels.Add(flow.Tunnel);
            }
        }

        return tunnels;
    }

    private static void WriteFlow(TextWriter output, IpsecFlow flow, string tag, long now,
        bool detail)
    {
        long encaps = flow.PacketsEncapsulated, decaps = flow.PacketsDecapsulated;
        output.WriteLine();
        output.WriteLine("   protected vrf: (none)");
        output.WriteLine($"   local  ident (addr/mask/prot/port): ({Host(flow.Local)})");
        output.WriteLine($"   remote ident (addr/mask/prot/port): ({Host(flow.Peer)})");
        output.WriteLine($"   current_peer {flow.Peer} port {IkeService.IsakmpPort}");
        output.WriteLine("     PERMIT, flags={origin_is_acl,}");
        output.WriteLine($"    #pkts encaps: {encaps}, #pkts encrypt: {encaps}, " +
            $"#pkts digest: {encaps}");
        output.WriteLine($"    #pkts decaps: {decaps}, #pkts decrypt: {decaps}, " +
            $"#pkts verify: {decaps}");
        output.WriteLine("    #pkts compressed: 0, #pkts decompressed: 0");
        output.WriteLine("    #pkts not compressed: 0, #pkts compr. failed: 0");
        output.WriteLine("    #pkts not decompressed: 0, #pkts decompress failed: 0");
        if (detail)
        {
            WriteErrorCounters(output, flow);
        }
        else
        {
            output.WriteLine($"    #send errors {flow.SendErrors}, " +
                $"#recv errors {flow.ReceiveErrors}");
        }

        var source = flow.Tunnel.SourceInterface;
        int pathMtu = source?.IpMtu ?? 1500;
        var current = flow.Current;
        output.WriteLine();
        output.WriteLine($"     local crypto endpt.: {flow.Local}, " +
            $"remote crypto endpt.: {flow.Peer}");
        output.WriteLine($"     plaintext mtu {PlaintextMtu(current, pathMtu)}, " +
            $"path mtu {pathMtu}, ip mtu {pathMtu}, ip mtu idb {source?.Name ?? "(none)"}");
        uint spi = current?.Outbound.Spi ?? 0;
        output.WriteLine($"     current outbound spi: 0x{spi:X}({spi})");
        output.WriteLine("     PFS (Y/N): N, DH group: none");
        output.WriteLine();
        WriteSas(output, "inbound", flow, p => (p.Inbound, p.InboundConnId), tag, now);
        WriteSas(output, "outbound", flow, p => (p.Outbound, p.OutboundConnId), tag, now);
    }

    /// <summary>A proxy identity of tunnel protection: one host, GRE, any port.</summary>
    private static string Host(Ipv4Address address) => $"{address}/255.255.255.255/47/0";

    private static void WriteErrorCounters(TextWriter output, IpsecFlow flow)
    {
        long Count(IpsecDropReason reason) => flow.GetDropCount(reason);
        output.WriteLine($"    #pkts no sa (send) {Count(IpsecDropReason.NoSaSend)}, " +
            "#pkts invalid sa (rcv) 0");
        output.WriteLine("    #pkts encaps failed (send) 0, " +
            $"#pkts decaps failed (rcv) {Count(IpsecDropReason.DecapsFailed)}");
        output.WriteLine("    #pkts invalid prot (recv) " +
            $"{Count(IpsecDropReason.InvalidProtocol)}, " +
            $"#pkts verify failed: {Count(IpsecDropReason.VerifyFailed)}");
        output.WriteLine("    #pkts invalid identity (recv) " +
            $"{Count(IpsecDropReason.InvalidIdentity)}, #pkts invalid len (rcv) 0");
        output.WriteLine("    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0");
        output.WriteLine($"    ##pkts replay failed (rcv): {Count(IpsecDropReason.Replay)}");
        output.WriteLine("    #pkts internal err (send): 0, #pkts internal err (recv) 0");
    }

    private static void WriteSas(TextWriter output, string direction, IpsecFlow flow,
        Func<IpsecSaPair, (EspSecurityAssociation Sa, int ConnId)> select, string tag, long now)
    {
        output.WriteLine($"     {direction} esp sas:");
        foreach (var pair in flow.Pairs)
        {
            var (sa, connId) = select(pair);
            string mode = pair.IsTunnelMode ? "Tunnel" : "Transport";
            output.WriteLine($"      spi: 0x{sa.Spi:X}({sa.Spi})");
            output.WriteLine($"        transform: {pair.TransformSet.TransformText},");
            output.WriteLine($"        in use settings ={{{mode}, }}");
            output.WriteLine($"        conn id: {connId}, flow_id: SW:{connId}, " +
                $"sibling_flags 80000000, crypto map: {tag}");
            output.WriteLine("        sa timing: remaining key lifetime (k/sec): " +
                $"({pair.RemainingKilobytes(sa)}/{pair.RemainingSeconds(now)})");
            output.WriteLine($"        IV size: {sa.IvLength} bytes");
            output.WriteLine("        replay detection support: Y");
            output.WriteLine("        Status: ACTIVE(ACTIVE)");
            output.WriteLine();
        }

        output.WriteLine($"     {direction} ah sas:");
        output.WriteLine();
        output.WriteLine($"     {direction} pcp sas:");
        output.WriteLine();
    }

    /// <summary>
    /// The largest packet that fits the path after ESP: ciphertext (payload + 2 trailer
    /// bytes, padded to the block) must fit path MTU less the outer header, ESP header, IV
    /// and ICV; transport mode keeps the packet's own 20-byte header outside it.
    /// </summary>
    private static int PlaintextMtu(IpsecSaPair? pair, int pathMtu)
    {
        if (pair is null)
        {
            return pathMtu;
        }

        var sa = pair.Outbound;
        int room = pathMtu - 20 - EspSecurityAssociation.HeaderLength - sa.IvLength - sa.IcvLength;
        int plaintext = room / sa.PaddingBoundary * sa.PaddingBoundary - 2;
        return pair.IsTunnelMode ? plaintext : plaintext + 20;
    }
}

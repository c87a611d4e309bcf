using DmvpnLab.Ios.Text;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// `show crypto session [detail]`: one block per peer of a protected tunnel, its IKE SAs
/// and its GRE flow (refdata show-crypto-session.txt; statuses as the lab notes list them).
/// </summary>
internal static class ShowCryptoSession
{
    public static void Write(TextWriter output, IpsecService ipsec, long now, bool detail)
    {
        output.WriteLine("Crypto session current status");
        output.WriteLine();
        if (detail)
        {
            output.WriteLine("Code: C - IKE Configuration mode, D - Dead Peer Detection");
            output.WriteLine("K - Keepalives, N - NAT-traversal, T - cTCP encapsulation");
            output.WriteLine("X - IKE Extended Authentication, F - IKE Fragmentation");
            output.WriteLine("R - IKE Auto Reconnect");
            output.WriteLine();
        }

        foreach (var (peer, local, tunnel) in Sessions(ipsec))
        {
            WriteSession(output, ipsec, peer, local, tunnel, now, detail);
        }
    }

    /// <summary>
    /// `show crypto session brief`: one line per peer with the status codes of the legend
    /// (IOS 15 layout as lab write-ups capture it; Phase1_id is the peer's ISAKMP identity,
    /// its address, once phase 1 is up).
    /// </summary>
    public static void WriteBrief(TextWriter output, IpsecService ipsec, long now)
    {
        output.WriteLine("Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, " +
            "N - Negotiating ");
        output.WriteLine("        K - No IKE");
        output.WriteLine("ivrf = (none)");
        output.WriteLine("Peer            I/F          Username        Group/Phase1_id          " +
            "Uptime   Status");
        foreach (var (peer, _, tunnel) in Sessions(ipsec))
        {
            var flow = ipsec.FindFlow(peer);
            var ikeSas = LiveIkeSas(ipsec, peer);
            int activeSas = flow is null ? 0 : flow.Pairs.Count * 2;
            string uptime = flow is { Pairs.Count: > 0 }
                ? IosTime.FormatUptime(
                    TimeSpan.FromTicks((now - flow.Pairs[0].CreatedAtNanoseconds) / 100))
                : "";
            string phase1 = ikeSas.Exists(sa => sa.IsUsable) ? peer.ToString() : "";
            string status = Status(activeSas, ikeSas) switch
            {
                "UP-ACTIVE" => "UA",
                "UP-IDLE" => "UI",
                "UP-NO-IKE" => "UK",
                "DOWN-NEGOTIATING" => "DN",
                _ => "D",
            };
            string name = tunnel is null ? "" : ShowCryptoSocket.ShortName(tunnel.Name);
            output.WriteLine($"{IosColumns.Left(peer.ToString(), 16)}{IosColumns.Left(name, 13)}" +
                $"{new string(' ', 16)}{IosColumns.Left(phase1, 25)}" +
                $"{IosColumns.Left(uptime, 9)}{status}");
        }

        output.WriteLine();
    }

    private static List<IsakmpSa> LiveIkeSas(IpsecService ipsec, Ipv4Address peer)
    {
        var ikeSas = new List<IsakmpSa>();
        foreach (var sa in ipsec.Ike.SecurityAssociations)
        {
            if (sa.Peer == peer && !sa.IsDeleted)
            {
                ikeSas.Add(sa);
            }
        }

        return ikeSas;
    }

    private static List<(Ipv4Address Peer, Ipv4Address Local, TunnelInterface? Tunnel)> Sessions(
        IpsecService ipsec)
    {
        var sessions = new List<(Ipv4Address, Ipv4Address, TunnelInterface?)>();
        var seen = new HashSet<Ipv4Address>();
        foreach (var flow in ipsec.Flows)
        {
            if (seen.Add(flow.Peer))
            {
                sessions.Add((flow.Peer, flow.Local, flow.Tunnel));
            }
        }

        foreach (var sa in ipsec.Ike.SecurityAssociations)
        {
            if (!sa.IsDeleted && seen.Add(sa.Peer))
            {
                sessions.Add((sa.Peer, sa.Local, ipsec.FindProtectedTunnel(sa.Local)));
            }
        }

        return sessions;
    }

    private static void WriteSession(TextWriter output, IpsecService ipsec, Ipv4Address peer,
        Ipv4Address local, TunnelInterface? tunnel, long now, bool detail)
    {
        var flow = ipsec.FindFlow(peer);
        var ikeSas = LiveIkeSas(ipsec, peer);

        int activeSas = flow is null ? 0 : flow.Pairs.Count * 2;
        output.WriteLine($"Interface: {tunnel?.Name ?? "(none)"}");
        if (detail && flow is { Pairs.Count: > 0 })
        {
            var since = TimeSpan.FromTicks((now - flow.Pairs[0].CreatedAtNanoseconds) / 100);
            output.WriteLine($"Uptime: {IosTime.FormatUptime(since)}");
        }

        output.WriteLine($"Session status: {Status(activeSas, ikeSas)}");
        output.WriteLine(detail
            ? $"Peer: {peer} port {IkeService.IsakmpPort} fvrf: (none) ivrf: (none)"
            : $"Peer: {peer} port {IkeService.IsakmpPort}");
        if (detail)
        {
            bool up = ikeSas.Exists(sa => sa.IsUsable);
            output.WriteLine($"      Phase1_id: {(up ? peer.ToString() : "(none)")}");
            output.WriteLine("      Desc: (none)");
        }

        foreach (var sa in ikeSas)
        {
            output.WriteLine("  Session ID: 0");
            output.WriteLine($"  IKEv1 SA: local {sa.Local}/{IkeService.IsakmpPort} remote " +
                $"{sa.Peer}/{IkeService.IsakmpPort} {(sa.IsUsable ? "Active" : "Inactive")}");
            if (detail)
            {
                string lifetime = sa.IsUsable
                    ? IosTime.FormatUptime(sa.RemainingLifetime(now))
                    : "0";
                output.WriteLine($"          Capabilities:(none) connid:{sa.ConnId} " +
                    $"lifetime:{lifetime}");
            }
        }

        output.WriteLine($"  IPSEC FLOW: permit 47 host {local} host {peer}");
        output.WriteLine($"        Active SAs: {activeSas}, origin: crypto map");
        if (detail)
        {
            WriteFlowDetail(output, flow, now);
        }

        output.WriteLine();
    }

    private static void WriteFlowDetail(TextWriter output, IpsecFlow? flow, long now)
    {
        var current = flow?.Current;
        string life(bool inbound) => current is null
            ? "0/0"
            : $"{current.RemainingKilobytes(inbound ? current.Inbound : current.Outbound)}/" +
              $"{current.RemainingSeconds(now)}";
        output.WriteLine($"        Inbound:  #pkts dec'ed {flow?.PacketsDecapsulated ?? 0} " +
            $"drop {flow?.ReceiveErrors ?? 0} life (KB/Sec) {life(true)}");
        output.WriteLine($"        Outbound: #pkts enc'ed {flow?.PacketsEncapsulated ?? 0} " +
            $"drop {flow?.SendErrors ?? 0} life (KB/Sec) {life(false)}");
    }

    /// <summary>UP-ACTIVE, UP-IDLE, UP-NO-IKE, DOWN-NEGOTIATING or DOWN.</summary>
    private static string Status(int activeSas, List<IsakmpSa> ikeSas)
    {
        bool ikeUp = ikeSas.Exists(sa => sa.IsUsable);
        bool negotiating = ikeSas.Exists(sa => sa.IsNegotiating);
        return (activeSas > 0, ikeUp, negotiating) switch
        {
            (true, true, _) => "UP-ACTIVE",
            (true, false, _) => "UP-NO-IKE",
            (false, _, true) => "DOWN-NEGOTIATING",
            (false, true, _) => "UP-IDLE",
            _ => "DOWN",
        };
    }
}

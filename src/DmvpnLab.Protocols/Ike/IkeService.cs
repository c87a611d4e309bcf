using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// A router's IKEv1 (RFC 2409) on UDP 500: the `crypto isakmp` configuration, the ISAKMP
/// SAs by peer and cookie, and the exchanges (Main Mode, Quick Mode, Informational in
/// the partial files beside this one). IOS keeps one negotiation per peer: a request for
/// protection joins the SA in progress instead of starting another.
/// </summary>
public sealed partial class IkeService : IUdpListener
{
    public const string DebugCategory = "crypto isakmp";

    public const ushort IsakmpPort = 500;

    /// <summary>IOS re-sends a lost message every 10 seconds, five times, then gives up.</summary>
    public static readonly TimeSpan RetransmitInterval = TimeSpan.FromSeconds(10);

    public const int MaximumRetransmissions = 5;

    /// <summary>A deleted SA stays listed "(deleted)" about a minute before it is purged.</summary>
    public static readonly TimeSpan PurgeDelay = TimeSpan.FromSeconds(60);

    /// <summary>IOS's nonce length (refdata ISAKMP_sa_setup.pcap: 20 bytes).</summary>
    private const int NonceLength = 20;

    private readonly NetworkNode node;
    private readonly IpsecService ipsec;
    private readonly Dictionary<(Ipv4Address Peer, ulong InitiatorCookie), IsakmpSa> sas = [];
    private readonly Dictionary<Ipv4Address, List<IsakmpSa>> sasByPeer = [];
    private readonly List<IsakmpSa> allSas = [];
    private readonly long[] drops = new long[Enum.GetValues<IkeDropReason>().Length];
    private readonly List<IsakmpSa> keyRecords = [];
    private int nextConnId = 1001;
    private int mainModesInProgress;

    internal IkeService(NetworkNode node, IpsecService ipsec)
    {
        this.node = node;
        this.ipsec = ipsec;
        node.Udp.Bind(IsakmpPort, this);
        node.ConvergenceChecks.Add(() => !IsNegotiating);
    }

    /// <summary>`crypto isakmp policy N`, by priority.</summary>
    public SortedDictionary<int, IsakmpPolicy> Policies { get; } = [];

    /// <summary>`crypto isakmp key`, in configuration order.</summary>
    public List<IsakmpPreSharedKey> PreSharedKeys { get; } = [];

    /// <summary>Every SA still listed (deleted ones until purged), oldest first.</summary>
    public IReadOnlyList<IsakmpSa> SecurityAssociations => allSas;

    /// <summary>Every ISAKMP SA that got keys in this run, for the Wireshark export.</summary>
    public IReadOnlyList<IsakmpSa> KeyRecords => keyRecords;

    /// <summary>
    /// True while any Main Mode or Quick Mode exchange is unfinished. Counted, not scanned:
    /// `wait converged` asks after every event, and a hub may hold thousands of SAs.
    /// </summary>
    public bool IsNegotiating => mainModesInProgress > 0 || quickModeCounts.Count > 0;

    public long GetDropCount(IkeDropReason reason) => drops[(int)reason];

    private bool DebugOn => node.Log.IsDebugEnabled(DebugCategory);

    private long Now => node.Scheduler.NowNanoseconds;

    /// <summary>
    /// The key for a peer: the most specific `crypto isakmp key` whose range covers it
    /// (IOS prefers a host key over the 0.0.0.0 wildcard).
    /// </summary>
    public IsakmpPreSharedKey? FindKey(Ipv4Address peer)
    {
        IsakmpPreSharedKey? best = null;
        foreach (var key in PreSharedKeys)
        {
            if (key.Covers(peer) && (best is null || key.PrefixLength > best.PrefixLength))
            {
                best = key;
            }
        }

        return best;
    }

    /// <summary>
    /// The protector found no SA to <paramref name="peer"/>: start Quick Mode on an
    /// established SA, wait for one in negotiation, or begin Main Mode.
    /// </summary>
    public void RequestSa(TunnelInterface tunnel, Ipv4Address peer)
    {
        if (quickModeCounts.ContainsKey(peer) || tunnel.SourceAddress.IsAny)
        {
            return;
        }

        IsakmpSa? negotiating = null;
        if (sasByPeer.TryGetValue(peer, out var list))
        {
            foreach (var sa in list)
            {
                if (sa.IsUsable)
                {
                    StartQuickMode(sa, tunnel);
                    return;
                }

                if (sa.IsNegotiating)
                {
                    negotiating ??= sa;
                }
            }
        }

        if (negotiating is not null)
        {
            if (!negotiating.PendingTunnels.Contains(tunnel))
            {
                negotiating.PendingTunnels.Add(tunnel);
            }

            return;
        }

        StartMainMode(tunnel, peer);
    }

    /// <inheritdoc/>
    public void OnDatagram(NetworkInterface ingress, Ipv4Address source, ushort sourcePort,
        Ipv4Address destination, ReadOnlySpan<byte> payload)
    {
        if (!IsakmpMessage.TryParse(payload, out var message, out _))
        {
            Drop(IkeDropReason.Malformed, null, $"malformed message from {source}");
            return;
        }

        byte[] datagram = payload.ToArray();
        if (!sas.TryGetValue((source, message!.InitiatorCookie), out var sa))
        {
            bool isMainModeStart = message.ExchangeType == IsakmpExchangeType.IdentityProtection
                && message.ResponderCookie == 0 && !message.IsEncrypted;
            if (!isMainModeStart)
            {
                Drop(IkeDropReason.UnknownCookies, null,
                    $"no SA for cookies {message.InitiatorCookie:x16} from {source}");
                return;
            }

            OnMainModeStart(destination, source, message, datagram);
            return;
        }

        DebugReceived(sa, source);
        if (sa.IsDeleted)
        {
            Drop(IkeDropReason.DeletedSa, sa, "message for a deleted SA");
            return;
        }

        if (sa.ResponderCookie != 0 && message.ResponderCookie != sa.ResponderCookie)
        {
            Drop(IkeDropReason.UnknownCookies, sa, "responder cookie mismatch");
            return;
        }

        switch (message.ExchangeType)
        {
            case IsakmpExchangeType.IdentityProtection:
                OnMainMode(sa, message, datagram);
                break;
            case IsakmpExchangeType.QuickMode:
                OnQuickMode(sa, message, datagram);
                break;
            case IsakmpExchangeType.Informational:
                OnInformational(sa, message);
                break;
            default:
                Drop(IkeDropReason.UnsupportedExchange, sa,
                    $"exchange type {(byte)message.ExchangeType} not supported");
                break;
        }
    }

    private void Register(IsakmpSa sa)
    {
        sas[(sa.Peer, sa.InitiatorCookie)] = sa;
        if (!sasByPeer.TryGetValue(sa.Peer, out var list))
        {
            list = [];
            sasByPeer[sa.Peer] = list;
        }

        list.Add(sa);
        allSas.Add(sa);
        mainModesInProgress++;
        sa.RetransmitTimer = new SimTimer(node.Scheduler, () => OnRetransmitTimer(sa));
    }

    private ulong NewCookie()
    {
        ulong cookie;
        do
        {
            cookie = (ulong)node.Scheduler.Random.NextInt64(long.MinValue, long.MaxValue);
        }
        while (cookie == 0);

        return cookie;
    }

    private byte[] NewNonce()
    {
        byte[] nonce = new byte[NonceLength];
        node.Scheduler.Random.NextBytes(nonce);
        return nonce;
    }

    private uint NewMessageId()
    {
        uint id;
        do
        {
            id = (uint)node.Scheduler.Random.NextInt64(1, uint.MaxValue);
        }
        while (id == 0);

        return id;
    }

    private void AssignConnId(IsakmpSa sa)
    {
        if (sa.ConnId == 0)
        {
            sa.ConnId = nextConnId++;
        }
    }

    private void Send(IsakmpSa sa, byte[] datagram, string state)
    {
        if (DebugOn)
        {
            Debug(sa, $" sending packet to {sa.Peer} my_port {IsakmpPort} peer_port " +
                $"{IsakmpPort} {sa.RoleMark} {state}");
            Debug(sa, "Sending an IKE IPv4 Packet.");
        }

        node.Udp.Send(sa.Local, IsakmpPort, sa.Peer, IsakmpPort, datagram);
    }

    /// <summary>Sends a Main Mode message and awaits the answer, re-sending on timeout.</summary>
    private void SendAndAwait(IsakmpSa sa, byte[] datagram)
    {
        sa.LastSent = datagram;
        sa.RetransmitCount = 0;
        Send(sa, datagram, sa.State.ShowName());
        sa.RetransmitTimer!.Start(RetransmitInterval);
    }

    private void OnRetransmitTimer(IsakmpSa sa)
    {
        if (sa.IsDeleted || sa.LastSent is null)
        {
            return;
        }

        string state = sa.State.ShowName();
        if (DebugOn)
        {
            Debug(sa, $" retransmitting phase 1 {state}...");
        }

        if (sa.RetransmitCount >= MaximumRetransmissions)
        {
            Delete(sa, "Death by retransmission P1", notifyPeer: false);
            return;
        }

        sa.RetransmitCount++;
        if (DebugOn)
        {
            Debug(sa, $" incrementing error counter on sa, attempt {sa.RetransmitCount} of " +
                $"{MaximumRetransmissions}: retransmit phase 1");
        }

        Send(sa, sa.LastSent, state);
        sa.RetransmitTimer!.Start(RetransmitInterval);
    }

    /// <summary>
    /// Marks an SA deleted (IOS lists it "(deleted)" until purged a minute later), stops its
    /// exchanges and, if asked, tells the peer with an ISAKMP DELETE (RFC 2408 3.15).
    /// </summary>
    public void Delete(IsakmpSa sa, string reason, bool notifyPeer)
    {
        if (sa.IsDeleted)
        {
            return;
        }

        if (DebugOn)
        {
            Debug(sa, $"deleting SA reason \"{reason}\" state {sa.RoleMark} " +
                $"{sa.State.ShowName(),-15}(peer {sa.Peer})");
        }

        if (notifyPeer && sa.IsUsable)
        {
            SendIsakmpDelete(sa);
        }

        if (sa.IsNegotiating)
        {
            mainModesInProgress--;
        }

        sa.IsDeleted = true;
        Step(sa, "IKE_MESG_INTERNAL, IKE_PHASE1_DEL", IsakmpSaState.Deleted);
        sa.RetransmitTimer?.Stop();
        sa.LifetimeTimer?.Stop();
        foreach (var exchange in sa.QuickModes.Values)
        {
            exchange.RetransmitTimer?.Stop();
            EndQuickMode(exchange);
        }

        sa.QuickModes.Clear();
        sa.PendingTunnels.Clear();
        node.Scheduler.Schedule(PurgeDelay, () => Purge(sa));
    }

    private void Purge(IsakmpSa sa)
    {
        sas.Remove((sa.Peer, sa.InitiatorCookie));
        allSas.Remove(sa);
        if (sasByPeer.TryGetValue(sa.Peer, out var list))
        {
            list.Remove(sa);
            if (list.Count == 0)
            {
                sasByPeer.Remove(sa.Peer);
            }
        }

        sa.Cipher?.Dispose();
        if (DebugOn)
        {
            Debug(sa, "purging SA.");
        }
    }

    /// <summary>`clear crypto isakmp`: every ISAKMP SA goes; IPsec SAs stay (as in IOS).</summary>
    public void ClearAll()
    {
        foreach (var sa in allSas.ToArray())
        {
            Delete(sa, "Manual clear", notifyPeer: true);
        }
    }

    private void Drop(IkeDropReason reason, IsakmpSa? sa, string detail)
    {
        drops[(int)reason]++;
        if (DebugOn)
        {
            Debug(sa, $"dropping message: {detail}");
        }
    }

    private void Debug(IsakmpSa? sa, string message) =>
        node.Log.Debug(DebugCategory, $"ISAKMP:({sa?.ConnId ?? 0}):{message}");

    private void DebugReceived(IsakmpSa sa, Ipv4Address source)
    {
        if (DebugOn)
        {
            node.Log.Debug(DebugCategory, $"ISAKMP ({sa.ConnId}): received packet from " +
                $"{source} dport {IsakmpPort} sport {IsakmpPort} Global {sa.RoleMark} " +
                $"{sa.State.ShowName()}");
        }
    }

    // The inputs of IOS's Main Mode state machine, as its debug names them.
    private const string FromPeer = "IKE_MESG_FROM_PEER, IKE_MM_EXCH";
    private const string ProcessMainMode = "IKE_MESG_INTERNAL, IKE_PROCESS_MAIN_MODE";
    private const string ProcessComplete = "IKE_MESG_INTERNAL, IKE_PROCESS_COMPLETE";

    /// <summary>Moves the SA to <paramref name="next"/> and logs it as IOS does.</summary>
    private void Step(IsakmpSa sa, string input, IsakmpSaState next)
    {
        var old = sa.State;
        sa.State = next;
        DebugTransition(sa, input, old.DebugName());
    }

    private void DebugTransition(IsakmpSa sa, string input, string oldName)
    {
        if (DebugOn)
        {
            Debug(sa, $"Input = {input}");
            Debug(sa, $"Old State = {oldName}  New State = {sa.State.DebugName()} ");
        }
    }
}

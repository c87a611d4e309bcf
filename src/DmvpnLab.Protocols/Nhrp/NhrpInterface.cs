using DmvpnLab.Net;
using DmvpnLab.Net.Routing;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// NHRP on one GRE tunnel: its configuration, cache, the NHS clients of a spoke and the
/// server side of a hub. It is the tunnel's <see cref="ITunnelNextHopResolver"/>: the
/// tunnel asks it for the NBMA address of each next hop. The message handling lives in
/// the partial files beside this one (Registration, Resolution, Redirect, Receive).
/// </summary>
public sealed partial class NhrpInterface : ITunnelNextHopResolver
{
    /// <summary>How long an incomplete (negative) entry holds further requests back.</summary>
    public static readonly TimeSpan IncompleteHoldTime = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The lab notes: an entry used with under 120 s to live is refreshed by a new
    /// resolution request (IOS marks its CEF entry "stale").
    /// </summary>
    public static readonly TimeSpan StaleThreshold = TimeSpan.FromSeconds(120);

    /// <summary>The lab notes: IOS's NHRP process checks expiry every 60 seconds.</summary>
    public static readonly TimeSpan ExpirySweepInterval = TimeSpan.FromSeconds(60);

    /// <summary>The metric IOS shows for an override: `[NHO][90/255]` (refdata).</summary>
    public const uint NextHopOverrideMetric = 255;

    private readonly List<NhrpNhsClient> servers = new();
    private readonly List<Ipv4Address> multicastDestinations = new();
    private readonly HashSet<Ipv4Address> dynamicMulticast = new();
    private readonly SimTimer expiryTimer;
    private bool convergenceCheckAdded;

    public NhrpInterface(NhrpProtocol protocol, GreTunnelInterface tunnel)
    {
        Protocol = protocol;
        Tunnel = tunnel;
        Node = tunnel.Node;
        expiryTimer = new SimTimer(Node.Scheduler, OnExpirySweep);
        wasUp = tunnel.IsUp;
        wasAdminUp = tunnel.AdminUp;
        tunnel.StateChanged += OnTunnelStateChanged;
    }

    public NhrpProtocol Protocol { get; }

    public GreTunnelInterface Tunnel { get; }

    public NetworkNode Node { get; }

    public NhrpInterfaceConfig Config { get; } = new();

    public NhrpCache Cache { get; } = new();

    public NhrpTrafficCounters Traffic { get; } = new();

    public IReadOnlyList<NhrpNhsClient> Servers => servers;

    /// <summary>NHRP runs on the tunnel only with a network-id (IOS).</summary>
    public bool IsEnabled => Config.NetworkId is not null;

    /// <summary>A spoke (NHC) has at least one NHS; `show dmvpn` says Spoke, else Hub.</summary>
    public bool IsClient => servers.Count > 0;

    /// <summary>True once every NHS has answered a registration (`wait converged`).</summary>
    public bool IsConverged
    {
        get
        {
            foreach (var server in servers)
            {
                if (server.State != NhrpNhsState.Responding)
                    return false;
            }

            return true;
        }
    }

    private long Now => Node.Scheduler.NowNanoseconds;

    // ---- configuration -------------------------------------------------------------

    /// <summary>`ip nhrp map A.B.C.D A.B.C.D`.</summary>
    public void AddStaticMapping(Ipv4Address protocolAddress, Ipv4Address nbma)
    {
        var entry = new NhrpCacheEntry(new Prefix(protocolAddress, 32),
            NhrpCacheEntryType.Static, Now)
        {
            NextHop = protocolAddress,
            Nbma = nbma,
        };
        Cache.Set(entry);
    }

    public void RemoveStaticMapping(Ipv4Address protocolAddress)
    {
        if (Cache.TryGetHost(protocolAddress, out var entry) &&
            entry.Type == NhrpCacheEntryType.Static)
            Cache.Remove(entry);
    }

    public void AddMulticastStatic(Ipv4Address nbma)
    {
        if (!Config.MulticastStatic.Contains(nbma))
            Config.MulticastStatic.Add(nbma);

        RebuildMulticastDestinations();
    }

    public void RemoveMulticastStatic(Ipv4Address nbma)
    {
        Config.MulticastStatic.Remove(nbma);
        RebuildMulticastDestinations();
    }

    public void SetMulticastDynamic(bool enabled)
    {
        Config.MulticastDynamic = enabled;
        if (!enabled)
            dynamicMulticast.Clear();

        RebuildMulticastDestinations();
    }

    /// <summary>`ip nhrp nhs A.B.C.D [nbma A.B.C.D] [multicast]`.</summary>
    public NhrpNhsClient AddServer(Ipv4Address address, Ipv4Address? nbma, bool multicast)
    {
        var server = FindServer(address);
        if (server is null)
        {
            server = new NhrpNhsClient(this, address);
            servers.Add(server);
        }

        if (nbma is { } nbmaAddress)
        {
            server.ConfiguredNbma = nbmaAddress;
            server.ConfiguredMulticast = multicast;
            AddStaticMapping(address, nbmaAddress);
            if (multicast)
                AddMulticastStatic(nbmaAddress);
        }

        if (!convergenceCheckAdded)
        {
            convergenceCheckAdded = true;
            Node.ConvergenceChecks.Add(() => IsConverged);
        }

        if (!server.IsRunning)
            server.Start();

        return server;
    }

    public void RemoveServer(Ipv4Address address)
    {
        var server = FindServer(address);
        if (server is null)
            return;

        server.Stop();
        servers.Remove(server);

        // The single-line form's mappings go with it, as IOS removes them.
        if (server.ConfiguredNbma is { } nbma)
        {
            RemoveStaticMapping(address);
            RemoveMulticastStatic(nbma);
        }
    }

    public NhrpNhsClient? FindServer(Ipv4Address address)
    {
        foreach (var server in servers)
        {
            if (server.Address == address)
                return server;
        }

        return null;
    }

    // ---- ITunnelNextHopResolver -------------------------------------------------------

    /// <summary>
    /// The per-packet lookup: one dictionary probe. A miss on a spoke starts a resolution
    /// (RFC 2332 5.2.1) behind an incomplete entry and, as IOS does, sends the packet to
    /// the NHS meanwhile.
    /// </summary>
    public bool TryResolve(TunnelInterface tunnel, Ipv4Address nextHop, Ipv4Address packetSource,
        Ipv4Address packetDestination, out Ipv4Address nbmaAddress)
    {
        long now = Now;
        if (Cache.TryGetHost(nextHop, out var entry) && !entry.IsExpired(now))
        {
            if (entry.IsComplete)
            {
                nbmaAddress = entry.Nbma!.Value;
                OnEntryUsed(entry, now);
                return true;
            }

            entry.CacheHits++;
            return TryGetForwardingServer(out nbmaAddress);
        }

        if (!IsEnabled || !IsClient)
        {
            nbmaAddress = default;
            return false;
        }

        StartResolution(nextHop, refresh: null);
        return TryGetForwardingServer(out nbmaAddress);
    }

    public IReadOnlyList<Ipv4Address> MulticastDestinations(TunnelInterface tunnel) =>
        multicastDestinations;

    /// <summary>
    /// CEF's midchain adjacencies (`show adjacency`): one per tunnel next hop with a
    /// complete, unexpired mapping. Incomplete (negative) entries and our own `local`
    /// entries have none; a phase 3 network entry shares its next hop's adjacency.
    /// </summary>
    public IEnumerable<(Ipv4Address NextHop, Ipv4Address NbmaAddress)> ResolvedNextHops(
        TunnelInterface tunnel)
    {
        long now = Now;
        var seen = new HashSet<Ipv4Address>();
        foreach (var entry in Cache.Ordered())
        {
            if (!entry.IsComplete || entry.IsExpired(now) || entry.Has(NhrpCacheFlags.Local) ||
                entry.NextHop is not { } nextHop || !seen.Add(nextHop))
                continue;

            yield return (nextHop, entry.Nbma!.Value);
        }
    }

    private void OnEntryUsed(NhrpCacheEntry entry, long now)
    {
        if (entry.Type != NhrpCacheEntryType.Dynamic)
        {
            entry.Flags |= NhrpCacheFlags.Used;
            return;
        }

        if (entry.Has(NhrpCacheFlags.Registered))
            return;

        entry.Flags |= NhrpCacheFlags.Used;

        // The lab notes' stale rule: used under 120 s before expiry, the entry is refreshed.
        if (!entry.RefreshPending &&
            entry.ExpiresAtNanoseconds - now < Scheduler.ToNanoseconds(StaleThreshold) &&
            !entry.Has(NhrpCacheFlags.Implicit | NhrpCacheFlags.Local) && IsClient)
        {
            entry.RefreshPending = true;
            StartResolution(entry.Prefix.Network, refresh: entry);
        }
    }

    /// <summary>An answering NHS's NBMA (else any known): where unresolved packets go.</summary>
    private bool TryGetForwardingServer(out Ipv4Address nbma)
    {
        Ipv4Address? fallback = null;
        foreach (var server in servers)
        {
            if (!TryGetServerNbma(server, out var candidate))
                continue;

            if (server.State == NhrpNhsState.Responding)
            {
                nbma = candidate;
                return true;
            }

            fallback ??= candidate;
        }

        nbma = fallback ?? default;
        return fallback is not null;
    }

    public bool TryGetServerNbma(NhrpNhsClient server, out Ipv4Address nbma)
    {
        if (server.ConfiguredNbma is { } configured)
        {
            nbma = configured;
            return true;
        }

        if (Cache.TryGetHost(server.Address, out var entry) && entry.IsComplete)
        {
            nbma = entry.Nbma!.Value;
            return true;
        }

        nbma = default;
        return false;
    }

    // ---- multicast list ---------------------------------------------------------------

    private void AddDynamicMulticast(Ipv4Address nbma)
    {
        if (!Config.MulticastDynamic || !dynamicMulticast.Add(nbma))
            return;

        // IOS enqueues a new dynamic mapping at the end of the list.
        if (!Config.MulticastStatic.Contains(nbma))
            multicastDestinations.Add(nbma);

        if (Node.Log.IsDebugEnabled(NhrpDebug.Category))
        {
            Node.Log.Debug(NhrpDebug.Category,
                $"NHRP: {Tunnel.ShortName}: Creating dynamic multicast mapping  NBMA: {nbma}");
            Node.Log.Debug(NhrpDebug.Category,
                $"NHRP: Added dynamic multicast mapping for NBMA: {nbma}");
        }
    }

    private void RemoveDynamicMulticast(Ipv4Address nbma)
    {
        if (dynamicMulticast.Remove(nbma))
            RebuildMulticastDestinations();
    }

    private void RebuildMulticastDestinations()
    {
        multicastDestinations.Clear();
        multicastDestinations.AddRange(Config.MulticastStatic);
        foreach (var nbma in dynamicMulticast)
        {
            if (!multicastDestinations.Contains(nbma))
                multicastDestinations.Add(nbma);
        }
    }

    // ---- expiry ------------------------------------------------------------------------

    private void EnsureExpirySweep()
    {
        if (!expiryTimer.IsRunning)
            expiryTimer.Start(ExpirySweepInterval);
    }

    private void OnExpirySweep()
    {
        long now = Now;
        foreach (var entry in Cache.RemoveExpired(now))
            OnEntryRemoved(entry);

        ForgetOldRedirects(now);
        if (Cache.Count > 0 || lastRedirects.Count > 0)
            expiryTimer.Start(ExpirySweepInterval);
    }

    private void OnEntryRemoved(NhrpCacheEntry entry)
    {
        if (entry.Has(NhrpCacheFlags.Registered) && entry.Nbma is { } nbma)
            RemoveDynamicMulticast(nbma);

        if (entry.Has(NhrpCacheFlags.Rib))
            RemoveNhrpRoute(entry);
    }

    /// <summary>`clear ip nhrp`: drops every dynamic and incomplete entry.</summary>
    public int ClearDynamic()
    {
        var removed = Cache.RemoveWhere(e => e.Type != NhrpCacheEntryType.Static);
        foreach (var entry in removed)
            OnEntryRemoved(entry);

        CancelPendingResolutions();
        return removed.Count;
    }

    // ---- sending -----------------------------------------------------------------------

    /// <summary>
    /// Emits <paramref name="packet"/> into a pooled buffer and sends it through the tunnel
    /// to <paramref name="nbma"/> in GRE protocol 0x2001, outer TOS 0xC0 as IOS does.
    /// </summary>
    internal bool Send(NhrpPacket packet, Ipv4Address nbma, string verb = "Send")
    {
        if (!Tunnel.IsUp || !Tunnel.HasAddress)
            return false;

        var buffer = Node.Pool.Rent();
        int length = packet.Emit(buffer.Bytes.AsSpan(NetworkNode.Headroom));
        Traffic.CountSent(packet.Type, Now);
        NhrpDebug.Sent(this, packet, length, nbma, verb);
        Tunnel.SendEncapsulated(buffer, NetworkNode.Headroom, length,
            GreTunnelInterface.ProtocolTypeNhrp, nbma, NhrpProtocol.TypeOfService);
        Node.Pool.Return(buffer);
        return true;
    }

    private static Ipv4Address Address(byte[] bytes) => Ipv4Address.Read(bytes);
}

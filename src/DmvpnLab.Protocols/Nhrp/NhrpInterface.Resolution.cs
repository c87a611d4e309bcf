using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

public sealed partial class NhrpInterface
{
    private readonly Dictionary<uint, NhrpPendingResolution> pendingResolutions = new();

    public int PendingResolutionCount => pendingResolutions.Count;

    // ---- requester -------------------------------------------------------------------

    /// <summary>
    /// RFC 2332 5.2.1: asks the NHS for <paramref name="target"/>. A first resolution
    /// installs an incomplete, negative entry (the lab notes) so that packets meanwhile do
    /// not trigger more requests.
    /// </summary>
    internal void StartResolution(Ipv4Address target, NhrpCacheEntry? refresh)
    {
        long now = Now;
        if (refresh is null)
        {
            var incomplete = new NhrpCacheEntry(new Prefix(target, 32),
                NhrpCacheEntryType.Incomplete, now)
            {
                Flags = NhrpCacheFlags.Negative,
                ExpiresAtNanoseconds = now + Scheduler.ToNanoseconds(IncompleteHoldTime),
            };
            Cache.Set(incomplete);
            EnsureExpirySweep();
        }

        var pending = new NhrpPendingResolution(Node.Scheduler, Protocol.NextRequestId(),
            target, refresh, OnResolutionTimeout);
        pendingResolutions[pending.RequestId] = pending;
        SendResolutionRequest(pending);
    }

    private void SendResolutionRequest(NhrpPendingResolution pending)
    {
        if (TryGetForwardingServer(out var nbma))
            Send(NhrpMessages.ResolutionRequest(this, pending.RequestId, pending.Target), nbma);

        pending.Timer.Start(TimeSpan.FromSeconds(pending.RetransmitSeconds));
    }

    private void OnResolutionTimeout(NhrpPendingResolution pending)
    {
        bool stillWanted = pending.Refreshing is { } refreshing
            ? Cache.Find(refreshing.Prefix) == refreshing
            : Cache.TryGetHost(pending.Target, out var entry)
                && entry.Type == NhrpCacheEntryType.Incomplete;
        if (!stillWanted || pending.Retransmissions >= NhrpPendingResolution.MaximumRetransmissions)
        {
            pendingResolutions.Remove(pending.RequestId);
            if (pending.Refreshing is not null)
                pending.Refreshing.RefreshPending = false;
            return;
        }

        pending.Retransmissions++;
        pending.RetransmitSeconds *= 2;
        SendResolutionRequest(pending);
    }

    private void CancelPendingResolutions()
    {
        foreach (var pending in pendingResolutions.Values)
            pending.Timer.Stop();

        pendingResolutions.Clear();
    }

    private void OnResolutionReply(NhrpPacket reply)
    {
        if (!pendingResolutions.Remove(reply.Mandatory.RequestId, out var pending))
        {
            Drop(NhrpProtocolDropReason.UnexpectedReply);
            return;
        }

        pending.Timer.Stop();
        if (reply.ClientInformationEntries.Count == 0 ||
            !TryGetCieAddresses(reply.ClientInformationEntries[0], out var nbma,
                out var nextHop))
        {
            Drop(NhrpProtocolDropReason.MissingClientInformationEntry);
            return;
        }

        var cie = reply.ClientInformationEntries[0];
        if (cie.Code != NhrpCieCode.Success)
        {
            // A negative reply (RFC 2332 5.2.2): the incomplete entry keeps holding back.
            NhrpDebug.Event(this, $"NHRP: Resolution Reply for {pending.Target} refused, " +
                $"code: {NhrpDebug.CodeText(cie.Code)}");
            return;
        }

        // IOS on old releases sent prefix length 255 for a host.
        int prefixLength = cie.PrefixLength > 32 ? 32 : cie.PrefixLength;
        InstallResolution(pending.Target, prefixLength, nextHop, nbma, cie.HoldingTime);
    }

    /// <summary>
    /// Installs what a Resolution Reply taught: the next hop's own /32 binding, the
    /// resolved prefix when it is wider (phase 3), and with `ip nhrp shortcut` NHRP routes
    /// (distance 250, `H`) for both.
    /// </summary>
    internal void InstallResolution(Ipv4Address target, int prefixLength, Ipv4Address nextHop,
        Ipv4Address nbma, ushort holdSeconds)
    {
        long now = Now;
        long expires = now + Scheduler.ToNanoseconds(TimeSpan.FromSeconds(holdSeconds));
        var hopEntry = SetDynamic(new Prefix(nextHop, 32), nextHop, nbma, expires,
            NhrpCacheFlags.Router | NhrpCacheFlags.Nhop);
        var targetPrefix = new Prefix(target.Network(prefixLength), prefixLength);
        NhrpCacheEntry? networkEntry = null;
        if (targetPrefix != new Prefix(nextHop, 32))
        {
            networkEntry = SetDynamic(targetPrefix, nextHop, nbma, expires,
                NhrpCacheFlags.Router);
            if (prefixLength != 32 && Cache.TryGetHost(target, out var incomplete) &&
                incomplete.Type == NhrpCacheEntryType.Incomplete)
                Cache.Remove(incomplete);
        }

        if (Config.Shortcut)
        {
            if (networkEntry is not null && !TryOverrideNextHop(networkEntry, nextHop))
                InstallNhrpRoute(networkEntry, nextHop);
            if (hopEntry is not null)
                InstallNhrpRoute(hopEntry, null);
        }

        EnsureExpirySweep();
    }

    /// <summary>
    /// The lab notes' "implicit" entry: the requester's binding, learned from its request.
    /// A binding we resolved ourselves to the same NBMA address only has its life extended.
    /// </summary>
    private void LearnRequester(Ipv4Address requester, Ipv4Address nbma, long expires)
    {
        if (Cache.TryGetHost(requester, out var existing) && existing.IsComplete &&
            !existing.IsExpired(Now) && existing.Nbma == nbma &&
            existing.Type == NhrpCacheEntryType.Dynamic)
        {
            if (!existing.Has(NhrpCacheFlags.Registered))
                existing.ExpiresAtNanoseconds = Math.Max(existing.ExpiresAtNanoseconds, expires);
            return;
        }

        SetDynamic(new Prefix(requester, 32), requester, nbma, expires,
            NhrpCacheFlags.Router | NhrpCacheFlags.Implicit);
    }

    /// <summary>Sets a dynamic entry unless a static or registered one owns the prefix.</summary>
    private NhrpCacheEntry? SetDynamic(Prefix prefix, Ipv4Address nextHop, Ipv4Address nbma,
        long expires, NhrpCacheFlags flags)
    {
        var existing = Cache.Find(prefix);
        if (existing is not null && !existing.IsExpired(Now) &&
            (existing.Type == NhrpCacheEntryType.Static ||
             existing.Has(NhrpCacheFlags.Registered)))
            return null;

        bool sameBinding = existing is { Type: NhrpCacheEntryType.Dynamic } &&
            existing.Nbma == nbma && existing.NextHop == nextHop;
        var entry = new NhrpCacheEntry(prefix, NhrpCacheEntryType.Dynamic,
            sameBinding ? existing!.CreatedAtNanoseconds : Now)
        {
            NextHop = nextHop,
            Nbma = nbma,
            Flags = flags | (sameBinding ? existing!.Flags & NhrpCacheFlags.Used : 0),
            ExpiresAtNanoseconds = expires,
        };
        if (existing is not null && existing.Has(NhrpCacheFlags.Rib))
            RemoveNhrpRoute(existing);

        Cache.Set(entry);
        return entry;
    }

    private void InstallNhrpRoute(NhrpCacheEntry entry, Ipv4Address? nextHop)
    {
        entry.Flags |= NhrpCacheFlags.Rib;
        Node.Rib.Add(new Route(entry.Prefix, RouteSource.Nhrp,
            RouteSourceText.DefaultDistance(RouteSource.Nhrp), 1, nextHop, Tunnel, Now));
    }

    /// <summary>
    /// IOS 15's next-hop override: when a routing protocol already routes exactly this
    /// prefix out of this tunnel (EIGRP via the hub), the shortcut replaces that route's
    /// next hop (`%`, `[NHO]`, `T2`) instead of adding an `H` route the other would beat.
    /// </summary>
    private bool TryOverrideNextHop(NhrpCacheEntry entry, Ipv4Address nextHop)
    {
        var covering = Node.Fib.Lookup(entry.Prefix.Network);
        if (covering is not { Kind: FibEntryKind.Forward, Route: { } route } ||
            covering.Prefix != entry.Prefix || covering.Interface != Tunnel ||
            route.Source == RouteSource.Nhrp)
            return false;

        entry.Flags |= NhrpCacheFlags.Rib | NhrpCacheFlags.Nho;
        Node.Rib.NextHopOverrides.Set(new NextHopOverride(entry.Prefix, nextHop, Tunnel,
            NextHopOverrideMetric, Now));
        return true;
    }

    private void RemoveNhrpRoute(NhrpCacheEntry entry)
    {
        if (entry.Has(NhrpCacheFlags.Nho))
        {
            Node.Rib.NextHopOverrides.Remove(entry.Prefix, Tunnel);
            return;
        }

        Node.Rib.Remove(entry.Prefix,
            r => r.Source == RouteSource.Nhrp && r.Interface == Tunnel);
    }

    // ---- responder and transit NHS ------------------------------------------------------

    private void OnResolutionRequest(NhrpPacket request)
    {
        if (request.ClientInformationEntries.Count == 0)
        {
            Drop(NhrpProtocolDropReason.MissingClientInformationEntry);
            return;
        }

        if (ForwardTransitHas(request, Tunnel.Address))
        {
            Drop(NhrpProtocolDropReason.LoopDetected);
            return;
        }

        var target = Address(request.Mandatory.DestinationProtocolAddress);
        var route = Node.Fib.Lookup(target);
        if (route is null)
        {
            Drop(NhrpProtocolDropReason.NoRouteToDestination);
            return;
        }

        if (route.Kind == FibEntryKind.Receive)
        {
            Answer(request, 32);
            return;
        }

        if (route.Interface == Tunnel)
        {
            ForwardRequest(request, route.NextHopFor(target));
            return;
        }

        // We are the exit for a connected network: answer for all of it (phase 3).
        if (route.Kind == FibEntryKind.Attached && route.Prefix.Length > 0)
        {
            Answer(request, route.Prefix.Length);
            return;
        }

        Drop(NhrpProtocolDropReason.NoRouteToDestination);
    }

    /// <summary>
    /// RFC 2332 5.2.2: the destination is ours. The reply goes straight to the requester's
    /// NBMA address (spoke to spoke), and the requester's binding is learned from the
    /// request's source fields.
    /// </summary>
    private void Answer(NhrpPacket request, int prefixLength)
    {
        var mandatory = request.Mandatory;
        var requester = Address(mandatory.SourceProtocolAddress);
        var requesterNbma = Address(mandatory.SourceNbmaAddress);
        var target = Address(mandatory.DestinationProtocolAddress);
        ushort hold = request.ClientInformationEntries[0].HoldingTime;
        long now = Now;
        long expires = now + Scheduler.ToNanoseconds(TimeSpan.FromSeconds(hold));
        LearnRequester(requester, requesterNbma, expires);

        var local = new NhrpCacheEntry(
            new Prefix(target.Network(prefixLength), prefixLength), NhrpCacheEntryType.Dynamic,
            now)
        {
            NextHop = Tunnel.Address,
            Nbma = Tunnel.SourceAddress,
            Flags = NhrpCacheFlags.Router | NhrpCacheFlags.Unique | NhrpCacheFlags.Local,
            Requester = requester,
            RequestId = mandatory.RequestId,
            ExpiresAtNanoseconds = now + Scheduler.ToNanoseconds(
                TimeSpan.FromSeconds(Config.HoldTimeSeconds)),
        };
        if (Cache.Find(local.Prefix) is not { Type: NhrpCacheEntryType.Static })
            Cache.Set(local);

        EnsureExpirySweep();
        Send(NhrpMessages.ResolutionReply(this, request, prefixLength), requesterNbma);
    }

    /// <summary>
    /// RFC 2332 5.2.1 at a transit NHS: the destination is behind another client of this
    /// cloud, so the request goes on to it with our entry added to the Forward Transit NHS
    /// Record, and that client answers the requester directly (IOS's DMVPN behaviour).
    /// </summary>
    private void ForwardRequest(NhrpPacket request, Ipv4Address nextHop)
    {
        var requester = Address(request.Mandatory.SourceProtocolAddress);
        if (!Cache.TryGetHost(nextHop, out var entry) || !entry.IsComplete ||
            entry.IsExpired(Now) || nextHop == requester)
        {
            Drop(NhrpProtocolDropReason.NoRouteToDestination);
            return;
        }

        if (request.HopCount <= 1)
        {
            Drop(NhrpProtocolDropReason.HopCountExceeded);
            return;
        }

        request.HopCount--;
        if (request.FindExtension(NhrpExtensionType.ForwardTransitNhsRecord) is
            NhrpCieListExtension record)
        {
            record.Entries.Add(NhrpMessages.Cie(32, NhrpMessages.RegistrationMtu(Tunnel),
                (ushort)Config.HoldTimeSeconds, Tunnel.SourceAddress, Tunnel.Address));
        }

        entry.Flags |= NhrpCacheFlags.Used;
        NhrpDebug.Event(this, "NHRP: Forwarding request due to authoritative request.");
        Send(request, entry.Nbma!.Value, "Forwarding");
    }

    private static bool ForwardTransitHas(NhrpPacket request, Ipv4Address address)
    {
        if (request.FindExtension(NhrpExtensionType.ForwardTransitNhsRecord) is not
            NhrpCieListExtension record)
            return false;

        foreach (var entry in record.Entries)
        {
            if (NhrpAddress.TryGetIpv4(entry.ClientProtocolAddress, out var hop) &&
                hop == address)
                return true;
        }

        return false;
    }
}

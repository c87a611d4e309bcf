using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

public sealed partial class NhrpInterface
{
    // ---- client (spoke) -------------------------------------------------------------

    internal bool CanRegisterWith(NhrpNhsClient server, out Ipv4Address nbma)
    {
        nbma = default;
        return IsEnabled && Tunnel.AdminUp && Tunnel.HasAddress && servers.Contains(server)
            && TryGetServerNbma(server, out nbma);
    }

    /// <summary>False when the tunnel cannot send (its line protocol is down).</summary>
    internal bool SendRegistrationRequest(NhrpNhsClient server, Ipv4Address nbma)
    {
        var request = NhrpMessages.RegistrationRequest(this, server.CurrentRequestId,
            server.Address, nbma);
        return Send(request, nbma);
    }

    private void OnRegistrationReply(NhrpPacket reply)
    {
        var mandatory = reply.Mandatory;
        var server = FindServer(Address(mandatory.DestinationProtocolAddress));
        if (server is null || Address(mandatory.SourceProtocolAddress) != Tunnel.Address)
        {
            Drop(NhrpProtocolDropReason.UnexpectedReply);
            return;
        }

        var code = reply.ClientInformationEntries.Count > 0
            ? reply.ClientInformationEntries[0].Code
            : NhrpCieCode.Success;
        TryGetServerNbma(server, out var nbma);
        if (!server.OnReply(mandatory.RequestId, code, nbma))
        {
            Drop(NhrpProtocolDropReason.UnexpectedReply);
            return;
        }

        if (code != NhrpCieCode.Success)
        {
            Node.Log.Syslog("%NHRP-3-PAKREPLY: Receive Registration Reply packet with error - " +
                NhrpDebug.CodeText(code));
        }
    }

    internal void OnNhsUp(NhrpNhsClient server, Ipv4Address nbma) =>
        Node.Log.Syslog($"%DMVPN-5-NHRP_NHS_UP: {Tunnel.Name}: Next Hop Server : " +
            $"(Tunnel: {server.Address} NBMA: {nbma}) for " +
            $"(Tunnel: {Tunnel.Address} NBMA: {Tunnel.SourceAddress}) is UP");

    internal void OnNhsDown(NhrpNhsClient server, Ipv4Address nbma,
        string reason = "NHRP Registration Failure") =>
        Node.Log.Syslog($"%DMVPN-5-NHRP_NHS_DOWN: {Tunnel.Name}: Next Hop Server : " +
            $"(Tunnel: {server.Address} NBMA: {nbma} ) for " +
            $"(Tunnel: {Tunnel.Address} NBMA: {Tunnel.SourceAddress}) is DOWN, " +
            $"Reason: {reason}(NHRP: no error)");

    // ---- server (hub) ---------------------------------------------------------------

    private void OnRegistrationRequest(NhrpPacket request, Ipv4Address nbmaSource)
    {
        var mandatory = request.Mandatory;
        if (Address(mandatory.DestinationProtocolAddress) != Tunnel.Address)
        {
            Drop(NhrpProtocolDropReason.RegistrationNotForUs);
            return;
        }

        if (request.ClientInformationEntries.Count == 0)
        {
            Drop(NhrpProtocolDropReason.MissingClientInformationEntry);
            return;
        }

        var client = Address(mandatory.SourceProtocolAddress);
        var claimed = Address(mandatory.SourceNbmaAddress);
        bool unique = (mandatory.RegistrationFlags & NhrpRegistrationFlags.Unique) != 0;
        ushort hold = request.ClientInformationEntries[0].HoldingTime;
        if (Node.Log.IsDebugEnabled(NhrpDebug.Category))
            Node.Log.Debug(NhrpDebug.Category,
                $"NHRP: Tunnels gave us pak src addr: {nbmaSource}");

        // Behind NAT the outer source is the address to use; IOS keeps the claimed one.
        var code = Register(client, nbmaSource, claimed, unique, hold);
        NhrpDebug.Event(this, $"NHRP: Sending Registration Reply if_in {Tunnel.Name} vrf: " +
            $"global(0x0) dst {client} nbma {nbmaSource} code: {NhrpDebug.CodeText(code)}");
        Send(NhrpMessages.RegistrationReply(this, request, code), nbmaSource);
    }

    /// <summary>
    /// RFC 2332 5.2.3: records the client's binding, refusing a different NBMA address
    /// for an address registered unique (code 14, as IOS answers).
    /// </summary>
    internal NhrpCieCode Register(Ipv4Address client, Ipv4Address nbma, Ipv4Address claimed,
        bool unique, ushort holdSeconds)
    {
        long now = Now;
        var prefix = new Prefix(client, 32);
        var existing = Cache.Find(prefix);
        if (existing is { Type: NhrpCacheEntryType.Static })
            return NhrpCieCode.AdministrativelyProhibited;

        bool live = existing is not null && !existing.IsExpired(now) && existing.IsComplete;
        if (live && existing!.Has(NhrpCacheFlags.Unique) && existing.Nbma != nbma)
        {
            NhrpDebug.Event(this, $"NHRP: Unique address {client} already registered " +
                $"with NBMA {existing.Nbma}, refusing NBMA {nbma}");
            return NhrpCieCode.UniqueAddressAlreadyRegistered;
        }

        bool refresh = live && existing!.Has(NhrpCacheFlags.Registered)
            && existing.Nbma == nbma;
        var entry = refresh ? existing! : new NhrpCacheEntry(prefix,
            NhrpCacheEntryType.Dynamic, now);
        if (!refresh)
        {
            if (existing is not null)
            {
                Cache.Remove(existing);
                OnEntryRemoved(existing);
            }

            entry.NextHop = client;
            entry.Nbma = nbma;
            Cache.Set(entry);
            OnClientUp(client, nbma);
        }

        entry.ClaimedNbma = claimed != nbma ? claimed : null;
        entry.Flags = NhrpCacheFlags.Registered | NhrpCacheFlags.Nhop
            | (unique ? NhrpCacheFlags.Unique : 0) | (entry.Flags & NhrpCacheFlags.Used);
        entry.ExpiresAtNanoseconds = now + Scheduler.ToNanoseconds(
            TimeSpan.FromSeconds(holdSeconds));
        AddDynamicMulticast(nbma);
        EnsureExpirySweep();
        return NhrpCieCode.Success;
    }

    private void OnClientUp(Ipv4Address client, Ipv4Address nbma)
    {
        if (Node.Log.IsDebugEnabled(NhrpDebug.Category))
        {
            Node.Log.Debug(NhrpDebug.Category,
                $"NHRP: Adding Tunnel Endpoints (VPN: {client}, NBMA: {nbma})");
            Node.Log.Debug(NhrpDebug.Category, $"NHRP-EVE: NHC-UP: {client}, NBMA: {nbma}");
        }

        Node.Log.Syslog($"%DMVPN-5-NHRP_NHC_UP: {Tunnel.Name}: Next Hop Client : " +
            $"(Tunnel: {client} NBMA: {nbma}) for " +
            $"(Tunnel: {Tunnel.Address} NBMA: {Tunnel.SourceAddress}) is UP");
    }
}

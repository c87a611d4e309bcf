using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Protocols.Nhrp;

public sealed partial class NhrpInterface
{
    private bool wasAdminUp = true;
    private bool wasUp;

    /// <summary>
    /// Follows the tunnel's state. `shutdown` does what the IOS log in refdata
    /// (phase3-iol-lab-log) shows: every NHC and NHS goes down with "Reason: External",
    /// the dynamic entries go, registration stops. A tunnel whose line protocol drops
    /// (its source link down) keeps its state: the NHS goes down as unanswered
    /// registrations run out (<see cref="NhrpNhsClient"/>). Coming up, registration
    /// starts again at once.
    /// </summary>
    private void OnTunnelStateChanged(NetworkInterface changed)
    {
        bool adminUp = Tunnel.AdminUp;
        bool up = Tunnel.IsUp;
        if (wasAdminUp && !adminUp)
            OnShutdown();

        if (!wasUp && up)
            OnTunnelUp();

        wasAdminUp = adminUp;
        wasUp = up;
    }

    private void OnShutdown()
    {
        long now = Now;
        foreach (var entry in Cache.Ordered())
        {
            if (entry.Has(NhrpCacheFlags.Registered) && !entry.IsExpired(now) &&
                entry.Nbma is { } nbma)
                OnClientDown(entry.Prefix.Network, nbma, "External");
        }

        ClearDynamic();
        foreach (var server in servers)
        {
            if (server.State == NhrpNhsState.Responding && TryGetServerNbma(server, out var nbma))
                OnNhsDown(server, nbma, "External");

            server.Shutdown();
        }
    }

    private void OnTunnelUp()
    {
        foreach (var server in servers)
            server.Restart();
    }

    internal void OnClientDown(Wire.Ipv4Address client, Wire.Ipv4Address nbma, string reason) =>
        Node.Log.Syslog($"%DMVPN-5-NHRP_NHC_DOWN: {Tunnel.Name}: Next Hop Client : " +
            $"(Tunnel: {client} NBMA: {nbma} ) for " +
            $"(Tunnel: {Tunnel.Address} NBMA: {Tunnel.SourceAddress}) is DOWN, " +
            $"Reason: {reason}(NHRP: no error)");
}

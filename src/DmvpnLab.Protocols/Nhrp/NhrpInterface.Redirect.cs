using DmvpnLab.Net.Tunnels;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

public sealed partial class NhrpInterface
{
    // Last traffic indication per (ingress NBMA, original destination), for the rate limit.
    private readonly Dictionary<(Ipv4Address, Ipv4Address), long> lastRedirects = new();

    /// <summary>
    /// DMVPN phase 3 on the hub (`ip nhrp redirect`): a packet that came in on this tunnel
    /// and leaves on it again earns its source spoke a Traffic Indication, at most one per
    /// source NBMA and destination each redirect timeout (IOS default 8 s).
    /// </summary>
    /// <remarks>
    /// IOS keys its rate limit on the NBMA source and destination pair; this keys on the
    /// NBMA source and the inner destination, which spares a second lookup per packet.
    /// </remarks>
    public void OnHairpin(TunnelInterface tunnel, ReadOnlySpan<byte> packet,
        Ipv4Address ingressNbma)
    {
        if (!Config.Redirect || !IsEnabled || packet.Length < 20)
            return;

        var key = (ingressNbma, Ipv4Address.Read(packet[16..]));
        long now = Now;
        long timeout = Scheduler.ToNanoseconds(TimeSpan.FromSeconds(Config.RedirectTimeoutSeconds));
        if (lastRedirects.TryGetValue(key, out long last) && now - last < timeout)
        {
            Traffic.RedirectSuppressed++;
            return;
        }

        lastRedirects[key] = now;
        EnsureExpirySweep();
        Send(NhrpMessages.TrafficIndication(this, packet), ingressNbma);
    }

    /// <summary>
    /// DMVPN phase 3 on a spoke (`ip nhrp shortcut`): the hub says a better path exists to
    /// the enclosed packet's destination, so resolve it through the NHS.
    /// </summary>
    private void OnTrafficIndication(NhrpPacket indication)
    {
        var enclosed = indication.Mandatory.EnclosedPacket;
        if (enclosed.Length < 20 || enclosed[0] >> 4 != 4)
        {
            Drop(NhrpProtocolDropReason.MalformedTrafficIndication);
            return;
        }

        if (!Config.Shortcut || !IsClient)
            return;

        var destination = Ipv4Address.Read(enclosed.AsSpan(16));
        var known = Cache.LongestMatch(destination);
        if (known is not null && !known.IsExpired(Now) && !known.Has(NhrpCacheFlags.Local))
            return;

        NhrpDebug.Event(this, $"NHRP: Traffic Indication for {destination}, " +
            "sending Resolution Request");
        StartResolution(destination, refresh: null);
    }

    private void ForgetOldRedirects(long now)
    {
        if (lastRedirects.Count == 0)
            return;

        long timeout = Scheduler.ToNanoseconds(TimeSpan.FromSeconds(Config.RedirectTimeoutSeconds));
        var old = new List<(Ipv4Address, Ipv4Address)>();
        foreach (var (key, at) in lastRedirects)
        {
            if (now - at >= timeout)
                old.Add(key);
        }

        foreach (var key in old)
            lastRedirects.Remove(key);
    }
}

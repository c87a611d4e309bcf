using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Sim;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// The two ESP SAs one Quick Mode creates (RFC 2409 5.5: one per direction, each keyed
/// from its own SPI), with the IOS numbers and lifetimes `show crypto ipsec sa` prints.
/// </summary>
public sealed class IpsecSaPair : IDisposable
{
    public IpsecSaPair(IpsecFlow flow, IpsecTransformSet transformSet,
        EspSecurityAssociation inbound, EspSecurityAssociation outbound,
        int lifetimeSeconds, long lifetimeKilobytes, long createdAtNanoseconds)
    {
        Flow = flow;
        TransformSet = transformSet;
        Mode = transformSet.Mode;
        Inbound = inbound;
        Outbound = outbound;
        LifetimeSeconds = lifetimeSeconds;
        LifetimeKilobytes = lifetimeKilobytes;
        CreatedAtNanoseconds = createdAtNanoseconds;
    }

    public IpsecFlow Flow { get; }

    public IpsecTransformSet TransformSet { get; }

    public IpsecEncapsulationMode Mode { get; }

    public EspSecurityAssociation Inbound { get; }

    public EspSecurityAssociation Outbound { get; }

    /// <summary>IOS's conn id / flow_id SW:n of each direction.</summary>
    public int InboundConnId { get; set; }

    public int OutboundConnId { get; set; }

    public int LifetimeSeconds { get; }

    public long LifetimeKilobytes { get; }

    public long CreatedAtNanoseconds { get; }

    public SimTimer? ExpiryTimer { get; set; }

    public bool IsTunnelMode => Mode == IpsecEncapsulationMode.Tunnel;

    public int RemainingSeconds(long nowNanoseconds) =>
        (int)Math.Max(0, (CreatedAtNanoseconds + LifetimeSeconds * 1_000_000_000L
            - nowNanoseconds) / 1_000_000_000L);

    public long RemainingKilobytes(EspSecurityAssociation sa) =>
        Math.Max(0, LifetimeKilobytes - (sa.BytesEncrypted + sa.BytesDecrypted + 1023) / 1024);

    public void Dispose()
    {
        ExpiryTimer?.Stop();
        Inbound.Dispose();
        Outbound.Dispose();
    }
}

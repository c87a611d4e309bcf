namespace DmvpnLab.Wire.Isakmp;

/// <summary>Protocol-Id of proposals, notifications and deletes (RFC 2407 4.4.1).</summary>
public enum IsakmpProtocolId : byte
{
    None = 0,

    /// <summary>PROTO_ISAKMP: phase 1.</summary>
    Isakmp = 1,

    /// <summary>PROTO_IPSEC_AH.</summary>
    Ah = 2,

    /// <summary>PROTO_IPSEC_ESP.</summary>
    Esp = 3,

    /// <summary>PROTO_IPCOMP.</summary>
    IpComp = 4,
}

namespace DmvpnLab.Wire.Eigrp;

/// <summary>EIGRP packet opcodes, RFC 7868 section 6.6 (unnamed values pass through).</summary>
public enum EigrpOpcode : byte
{
    /// <summary>Update.</summary>
    Update = 1,

    /// <summary>Request (unused by IOS).</summary>
    Request = 2,

    /// <summary>Query.</summary>
    Query = 3,

    /// <summary>Reply.</summary>
    Reply = 4,

    /// <summary>Hello; a Hello with a non-zero acknowledge and no TLVs is an Ack.</summary>
    Hello = 5,

    /// <summary>Stuck-in-active query.</summary>
    SiaQuery = 10,

    /// <summary>Stuck-in-active reply.</summary>
    SiaReply = 11,
}

/// <summary>EIGRP header flags, RFC 7868 section 6.6.</summary>
[Flags]
public enum EigrpFlags : uint
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>First Update of a new adjacency.</summary>
    Init = 1,

    /// <summary>Conditional receive (reliable multicast with a sequence TLV).</summary>
    ConditionalReceive = 2,

    /// <summary>The sender restarted (graceful restart).</summary>
    Restart = 4,

    /// <summary>End of table: the startup Update stream is complete.</summary>
    EndOfTable = 8,
}

/// <summary>EIGRP TLV types, RFC 7868 section 6.7 (unnamed values are kept raw).</summary>
public enum EigrpTlvType : ushort
{
    /// <summary>K values and hold time.</summary>
    Parameters = 0x0001,

    /// <summary>Authentication (kept raw).</summary>
    Authentication = 0x0002,

    /// <summary>Peers that must not accept the next conditional-receive packet.</summary>
    Sequence = 0x0003,

    /// <summary>IOS release and EIGRP TLV version.</summary>
    SoftwareVersion = 0x0004,

    /// <summary>Sequence number of the next reliable multicast.</summary>
    NextMulticastSequence = 0x0005,

    /// <summary>Stub routing parameters (kept raw).</summary>
    Stub = 0x0006,

    /// <summary>Peer termination (kept as raw value).</summary>
    PeerTermination = 0x0007,

    /// <summary>IPv4 internal route, classic metric.</summary>
    Ipv4Internal = 0x0102,

    /// <summary>IPv4 external route, classic metric.</summary>
    Ipv4External = 0x0103,
}

/// <summary>Flags of the classic metric, RFC 7868 section 6.7.</summary>
[Flags]
public enum EigrpRouteFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>Source withdraw.</summary>
    SourceWithdraw = 1,

    /// <summary>Candidate default route.</summary>
    CandidateDefault = 2,

    /// <summary>Route is active.</summary>
    Active = 4,

    /// <summary>Route is replicated.</summary>
    Replicated = 8,
}

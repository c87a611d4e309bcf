namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// Why an EIGRP packet was dropped; each has a counter (`show ip eigrp traffic`).
/// </summary>
public enum EigrpDropReason
{
    /// <summary>Shorter than the header, bad TLV framing or version (RFC 7868 6.5).</summary>
    Malformed,

    /// <summary>The checksum over the EIGRP packet does not verify.</summary>
    BadChecksum,

    /// <summary>No `router eigrp` with the packet's autonomous system.</summary>
    WrongAutonomousSystem,

    /// <summary>The interface does not run this process, or is passive.</summary>
    InterfaceNotEnabled,

    /// <summary>The source is not on the receiving interface's subnet.</summary>
    NotOnCommonSubnet,

    /// <summary>The Hello's K values differ from ours (RFC 7868 5.3.3).</summary>
    KValueMismatch,

    /// <summary>A Hello without a Parameters TLV.</summary>
    MissingParameters,

    /// <summary>A reliable packet from a router that is not our neighbor.</summary>
    UnknownNeighbor,

    /// <summary>A reliable packet already received (re-acknowledged, not processed).</summary>
    Duplicate,

    /// <summary>A conditional-receive multicast this router was told to ignore.</summary>
    ConditionalReceiveIgnored,

    /// <summary>
    /// A non-INIT reliable packet before the neighbor finished its INIT exchange.
    /// </summary>
    NeighborNotUp,

    /// <summary>An opcode this router does not handle (Request, SIA, unknown).</summary>
    UnsupportedOpcode,
}

using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// One ESP SA as its packets travel (source = the sender of that SA's packets), kept for
/// the Wireshark key export at the end of a run.
/// </summary>
public sealed record EspKeyRecord(Ipv4Address Source, Ipv4Address Destination,
    EspSecurityAssociation Sa);

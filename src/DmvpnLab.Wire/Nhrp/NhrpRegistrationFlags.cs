namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// Flags of Registration Request and Reply (RFC 2332 5.2.3). IOS sends 0x8002: Unique plus
/// its NAT bit, or 0x0002 with <c>ip nhrp registration no-unique</c>.
/// </summary>
[Flags]
public enum NhrpRegistrationFlags : ushort
{
    None = 0,

    /// <summary>U: the registration must not be replaced by another NBMA address.</summary>
    Unique = 0x8000,

    /// <summary>IOS: the sender supports the Cisco NAT address extension.</summary>
    CiscoNat = 0x0002,
}

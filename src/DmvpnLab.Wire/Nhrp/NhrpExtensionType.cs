namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// The extension Type (RFC 2332 5.3), without the Compulsory bit 0x8000. The 0x4000 "u" bit
/// is kept in the value so that it survives a round trip.
/// </summary>
public enum NhrpExtensionType : ushort
{
    /// <summary>5.3.0: the last extension; IOS sends it compulsory (0x8000).</summary>
    End = 0x0000,

    /// <summary>5.3.1: the responder's own binding, as a CIE.</summary>
    ResponderAddress = 0x0003,

    /// <summary>5.3.2: one CIE per NHS the request crossed.</summary>
    ForwardTransitNhsRecord = 0x0004,

    /// <summary>5.3.3: one CIE per NHS the reply crossed.</summary>
    ReverseTransitNhsRecord = 0x0005,

    /// <summary>5.3.4: IOS sends SPI 1, then the <c>ip nhrp authentication</c> key.</summary>
    Authentication = 0x0007,

    /// <summary>5.3.5.</summary>
    VendorPrivate = 0x0008,

    /// <summary>IOS: the address the peer was seen with, as a CIE (non-compulsory).</summary>
    CiscoNatAddress = 0x0009,
}

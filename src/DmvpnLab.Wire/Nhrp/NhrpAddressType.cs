namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// The upper two bits of an NHRP "type and length" byte (RFC 2332 5.1: ar$shtl, ar$sstl and
/// the CIE's client fields): bit 0x40 chooses E.164 over NSAP; 0x80 is reserved and kept.
/// The low six bits are the length, which the codec derives from the address bytes.
/// </summary>
public enum NhrpAddressType : byte
{
    /// <summary>NSAP format; IOS uses it for IPv4 NBMA addresses.</summary>
    Nsap = 0x00,

    /// <summary>Native E.164.</summary>
    E164 = 0x40,
}

namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// The Code byte of a Client Information Entry: the outcome a reply reports per entry
/// (RFC 2332 5.2.2 and 5.2.4). Zero in requests.
/// </summary>
public enum NhrpCieCode : byte
{
    Success = 0,

    /// <summary>RFC 2332 5.2.2 / 5.2.4 code 4.</summary>
    AdministrativelyProhibited = 4,

    /// <summary>Code 5.</summary>
    InsufficientResources = 5,

    /// <summary>Code 12: no internetworking layer address to NBMA address binding exists.</summary>
    NoBindingExists = 12,

    /// <summary>Code 13: a binding exists but is not unique.</summary>
    BindingNotUnique = 13,

    /// <summary>Code 14: the unique address is already registered (IOS refuses a new NBMA
    /// address for a <c>unique</c> registration with this).</summary>
    UniqueAddressAlreadyRegistered = 14,
}

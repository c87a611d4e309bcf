using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// `network A.B.C.D [wildcard]`: which interfaces the process runs on. Without a wildcard
/// IOS takes the address's classful network, so `network 10.0.0.0` (or `network 10.1.1.1`)
/// covers every interface in 10.0.0.0/8.
/// </summary>
public readonly record struct EigrpNetworkStatement(Ipv4Address Address, Ipv4Address? Wildcard)
{
    /// <summary>The class A/B/C mask of an address (RFC 791 classes).</summary>
    public static Ipv4Address ClassfulMask(Ipv4Address address)
    {
        uint first = address.Value >> 24;
        int length = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
        return Ipv4Address.PrefixLengthToMask(length);
    }

    /// <summary>
    /// The statement as IOS stores it: the address with the wildcard bits cleared.
    /// </summary>
    public static EigrpNetworkStatement Create(Ipv4Address address, Ipv4Address? wildcard)
    {
        uint mask = wildcard is { } bits ? ~bits.Value : ClassfulMask(address).Value;
        return new EigrpNetworkStatement(new Ipv4Address(address.Value & mask), wildcard);
    }

    private uint Mask => Wildcard is { } bits ? ~bits.Value : ClassfulMask(Address).Value;

    public bool Covers(Ipv4Address address) => (address.Value & Mask) == Address.Value;

    /// <summary>
    /// `show ip protocols`: `10.0.0.0` when classful, `10.10.10.0/30` with a wildcard.
    /// </summary>
    public override string ToString()
    {
        if (Wildcard is null)
            return Address.ToString();

        int length = Ipv4Address.MaskToPrefixLength(new Ipv4Address(Mask));
        return length < 0 ? $"{Address} {Wildcard}" : $"{Address}/{length}";
    }
}

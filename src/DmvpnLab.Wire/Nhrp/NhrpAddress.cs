namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// NHRP carries addresses as length-prefixed bytes of any family (RFC 2332 5.1). DMVPN uses
/// IPv4 for both the NBMA (ar$afn 1) and the protocol (ar$pro.type 0x0800) layer; these
/// helpers convert and state which lengths such a packet may carry.
/// </summary>
public static class NhrpAddress
{
    /// <summary>ar$afn of IPv4 (IANA address family numbers).</summary>
    public const ushort AddressFamilyIpv4 = 1;

    /// <summary>ar$pro.type of IPv4 (its EtherType).</summary>
    public const ushort ProtocolTypeIpv4 = 0x0800;

    /// <summary>The largest length a 6-bit length field holds.</summary>
    public const int MaximumTypedLength = 0x3F;

    /// <summary>The four octets of <paramref name="address"/>.</summary>
    public static byte[] FromIpv4(Ipv4Address address)
    {
        var bytes = new byte[Ipv4Address.Length];
        address.Write(bytes);
        return bytes;
    }

    /// <summary>True, with the address, when <paramref name="bytes"/> holds exactly four.</summary>
    public static bool TryGetIpv4(ReadOnlySpan<byte> bytes, out Ipv4Address address)
    {
        if (bytes.Length != Ipv4Address.Length)
        {
            address = default;
            return false;
        }

        address = Ipv4Address.Read(bytes);
        return true;
    }

    /// <summary>
    /// False when the family is IPv4 and the length is neither 0 (absent) nor 4; any length
    /// passes for other families.
    /// </summary>
    internal static bool IsValidLength(bool familyIsIpv4, int length) =>
        !familyIsIpv4 || length == 0 || length == Ipv4Address.Length;
}

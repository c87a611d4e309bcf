namespace DmvpnLab.Wire.Eigrp;

// The destination at the end of the IPv4 route TLVs, RFC 7868 section 6.7.5: a prefix
// length octet, then only the significant octets of the address (ceil(length / 8)), so a
// /24 takes 3 octets and a /30 takes 4; the TLV length is not padded. IOS encodes 0.0.0.0/0
// with one zero octet, so the octet count read is kept for an identical re-emission.

/// <summary>Reads and writes the variable-length destination of a route TLV.</summary>
internal static class EigrpDestination
{
    public static int SignificantOctets(int prefixLength) => (prefixLength + 7) / 8;

    /// <summary>
    /// Decodes exactly one destination filling <paramref name="value"/>; false when the prefix
    /// is longer than 32, or the octets are fewer than needed or more than 4.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> value, out Ipv4Address destination, out byte prefixLength,
        out int octets)
    {
        destination = default;
        prefixLength = 0;
        octets = 0;
        if (value.IsEmpty || value[0] > 32)
        {
            return false;
        }

        prefixLength = value[0];
        octets = value.Length - 1;
        if (octets < SignificantOctets(prefixLength) || octets > Ipv4Address.Length)
        {
            return false;
        }

        uint address = 0;
        for (int i = 0; i < Ipv4Address.Length; i++)
        {
            address = (address << 8) | (i < octets ? value[1 + i] : 0u);
        }

        destination = new Ipv4Address(address);
        return true;
    }

    public static void Write(
        Span<byte> value, Ipv4Address destination, byte prefixLength, int octets)
    {
        value[0] = prefixLength;
        for (int i = 0; i < octets; i++)
        {
            value[1 + i] = (byte)(destination.Value >> (24 - 8 * i));
        }
    }
}

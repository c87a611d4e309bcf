namespace DmvpnLab.Wire.Eigrp;

// Sequence TLV 0x0003, RFC 7868 section 6.7.2: a list of peer addresses, each an address
// length octet followed by the address. Sent in a Hello before a multicast with the
// conditional-receive flag: the peers listed must not accept that multicast.
//   | type 0x0003 | length | len (4) | IPv4 address | len (4) | IPv4 address | ...

/// <summary>The IPv4 peers excluded from the next conditional-receive multicast.</summary>
public sealed class EigrpSequenceTlv : EigrpTlv
{
    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.Sequence;

    /// <summary>The listed peers.</summary>
    public List<Ipv4Address> Addresses { get; set; } = new();

    /// <inheritdoc/>
    protected override int ValueLength => Addresses.Count * (1 + Ipv4Address.Length);

    internal static EigrpSequenceTlv? TryDecode(ReadOnlySpan<byte> value)
    {
        var tlv = new EigrpSequenceTlv();
        while (!value.IsEmpty)
        {
            if (value[0] != Ipv4Address.Length || value.Length < 1 + Ipv4Address.Length)
            {
                return null;
            }

            tlv.Addresses.Add(Ipv4Address.Read(value[1..]));
            value = value[(1 + Ipv4Address.Length)..];
        }

        return tlv;
    }

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value)
    {
        int offset = 0;
        foreach (var address in Addresses)
        {
            value[offset] = Ipv4Address.Length;
            address.Write(value[(offset + 1)..]);
            offset += 1 + Ipv4Address.Length;
        }
    }
}

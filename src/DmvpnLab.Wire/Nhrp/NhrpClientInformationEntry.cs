// RFC 2332 5.2.0.1, Client Information Entry:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Code      | Prefix Length |            unused             |
//  |  Maximum Transmission Unit    |        Holding Time           |
//  |  Cli Addr T/L | Cli SAddr T/L | Cli Proto Len |  Preference   |
//  |              Client NBMA Address (variable length)            |
//  |             Client NBMA Subaddress (variable length)          |
//  |            Client Protocol Address (variable length)          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// IOS: prefix length 32 (255 on old releases), MTU 0 in registrations and 1514 in
// resolutions, holding time 7200 s by default; registration request CIEs carry no
// addresses, the Cisco NAT extension's CIE carries both with holding time 0.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>One Client Information Entry (RFC 2332 5.2.0.1).</summary>
public sealed class NhrpClientInformationEntry
{
    /// <summary>Bytes before the addresses.</summary>
    public const int FixedLength = 12;

    private const int CodeOffset = 0;
    private const int PrefixLengthOffset = 1;
    private const int UnusedOffset = 2;
    private const int MtuOffset = 4;
    private const int HoldingTimeOffset = 6;
    private const int ClientNbmaTypeLengthOffset = 8;
    private const int ClientNbmaSubaddressTypeLengthOffset = 9;
    private const int ClientProtocolLengthOffset = 10;
    private const int PreferenceOffset = 11;

    /// <summary>Outcome in replies, 0 in requests.</summary>
    public NhrpCieCode Code { get; set; }

    /// <summary>Bits of the protocol address the binding covers.</summary>
    public byte PrefixLength { get; set; }

    /// <summary>The "unused" field, kept so that a non-zero one round-trips.</summary>
    public ushort Unused { get; set; }

    /// <summary>Maximum Transmission Unit, bytes.</summary>
    public ushort Mtu { get; set; }

    /// <summary>Seconds the binding may be cached.</summary>
    public ushort HoldingTime { get; set; }

    /// <summary>Type bits of the Cli Addr T/L byte.</summary>
    public NhrpAddressType ClientNbmaAddressType { get; set; }

    /// <summary>Type bits of the Cli SAddr T/L byte.</summary>
    public NhrpAddressType ClientNbmaSubaddressType { get; set; }

    /// <summary>Preference among CIEs for the same protocol address.</summary>
    public byte Preference { get; set; }

    /// <summary>Client NBMA Address, empty when absent.</summary>
    public byte[] ClientNbmaAddress { get; set; } = [];

    /// <summary>Client NBMA Subaddress, empty when absent.</summary>
    public byte[] ClientNbmaSubaddress { get; set; } = [];

    /// <summary>Client Protocol Address, empty when absent.</summary>
    public byte[] ClientProtocolAddress { get; set; } = [];

    /// <summary>Bytes this entry takes on the wire.</summary>
    public int Length =>
        FixedLength + ClientNbmaAddress.Length + ClientNbmaSubaddress.Length
        + ClientProtocolAddress.Length;

    /// <summary>
    /// Parses one entry at the start of <paramref name="source"/>; <paramref name="consumed"/>
    /// is its length. IPv4 families restrict the address lengths to 0 or 4.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> source,
        bool nbmaIsIpv4,
        bool protocolIsIpv4,
        out NhrpClientInformationEntry? entry,
        out int consumed,
        out NhrpDropReason reason)
    {
        entry = null;
        consumed = 0;
        if (source.Length < FixedLength)
        {
            reason = NhrpDropReason.CieOverrun;
            return false;
        }

        int nbmaLength = source[ClientNbmaTypeLengthOffset] & NhrpView.AddressLengthMask;
        int subaddressLength =
            source[ClientNbmaSubaddressTypeLengthOffset] & NhrpView.AddressLengthMask;
        int protocolLength = source[ClientProtocolLengthOffset];
        int length = FixedLength + nbmaLength + subaddressLength + protocolLength;
        if (length > source.Length)
        {
            reason = NhrpDropReason.CieOverrun;
            return false;
        }

        if (!NhrpAddress.IsValidLength(nbmaIsIpv4, nbmaLength)
            || !NhrpAddress.IsValidLength(protocolIsIpv4, protocolLength))
        {
            reason = NhrpDropReason.AddressLengthInvalid;
            return false;
        }

        int offset = FixedLength;
        entry = new NhrpClientInformationEntry
        {
            Code = (NhrpCieCode)source[CodeOffset],
            PrefixLength = source[PrefixLengthOffset],
            Unused = BinaryPrimitives.ReadUInt16BigEndian(source[UnusedOffset..]),
            Mtu = BinaryPrimitives.ReadUInt16BigEndian(source[MtuOffset..]),
            HoldingTime = BinaryPrimitives.ReadUInt16BigEndian(source[HoldingTimeOffset..]),
            ClientNbmaAddressType = TypeBits(source[ClientNbmaTypeLengthOffset]),
            ClientNbmaSubaddressType = TypeBits(source[ClientNbmaSubaddressTypeLengthOffset]),
            Preference = source[PreferenceOffset],
            ClientNbmaAddress = Take(source, ref offset, nbmaLength),
            ClientNbmaSubaddress = Take(source, ref offset, subaddressLength),
            ClientProtocolAddress = Take(source, ref offset, protocolLength),
        };
        consumed = length;
        reason = NhrpDropReason.None;
        return true;
    }

    /// <summary>
    /// Parses entries until <paramref name="source"/> is used up; a partial entry at the end
    /// is <see cref="NhrpDropReason.CieOverrun"/>.
    /// </summary>
    public static bool TryParseList(
        ReadOnlySpan<byte> source,
        bool nbmaIsIpv4,
        bool protocolIsIpv4,
        List<NhrpClientInformationEntry> entries,
        out NhrpDropReason reason)
    {
        while (!source.IsEmpty)
        {
            if (!TryParse(source, nbmaIsIpv4, protocolIsIpv4, out var entry, out int used,
                    out reason))
            {
                return false;
            }

            entries.Add(entry!);
            source = source[used..];
        }

        reason = NhrpDropReason.None;
        return true;
    }

    /// <summary>Writes the entry; returns its length.</summary>
    /// <exception cref="ArgumentException">Short span, or an address too long.</exception>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("destination shorter than the CIE", nameof(destination));
        }

        destination[CodeOffset] = (byte)Code;
        destination[PrefixLengthOffset] = PrefixLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination[UnusedOffset..], Unused);
        BinaryPrimitives.WriteUInt16BigEndian(destination[MtuOffset..], Mtu);
        BinaryPrimitives.WriteUInt16BigEndian(destination[HoldingTimeOffset..], HoldingTime);
        destination[ClientNbmaTypeLengthOffset] =
            TypeLength(ClientNbmaAddressType, ClientNbmaAddress.Length);
        destination[ClientNbmaSubaddressTypeLengthOffset] =
            TypeLength(ClientNbmaSubaddressType, ClientNbmaSubaddress.Length);
        destination[ClientProtocolLengthOffset] = checked((byte)ClientProtocolAddress.Length);
        destination[PreferenceOffset] = Preference;

        int offset = FixedLength;
        Put(destination, ref offset, ClientNbmaAddress);
        Put(destination, ref offset, ClientNbmaSubaddress);
        Put(destination, ref offset, ClientProtocolAddress);
        return length;
    }

    internal static NhrpAddressType TypeBits(byte typeLength) =>
        (NhrpAddressType)(typeLength & ~NhrpView.AddressLengthMask);

    internal static byte TypeLength(NhrpAddressType type, int length)
    {
        if (length > NhrpAddress.MaximumTypedLength)
        {
            throw new ArgumentException($"an NHRP address of {length} bytes exceeds 63");
        }

        return (byte)((byte)type & ~NhrpView.AddressLengthMask | length);
    }

    internal static byte[] Take(ReadOnlySpan<byte> source, ref int offset, int length)
    {
        byte[] bytes = source.Slice(offset, length).ToArray();
        offset += length;
        return bytes;
    }

    internal static void Put(Span<byte> destination, ref int offset, byte[] bytes)
    {
        bytes.CopyTo(destination[offset..]);
        offset += bytes.Length;
    }
}

using System.Buffers.Binary;

namespace DmvpnLab.Wire.Ipv4;

/// <summary>
/// An IPv4 header (layout in <see cref="Ipv4HeaderView"/>) as plain values, plus the
/// allocation-free writers and in-place edits the forwarding path uses.
/// </summary>
public sealed class Ipv4Header
{
    /// <summary>The type-of-service octet (DSCP and ECN).</summary>
    public byte TypeOfService { get; set; }

    /// <summary>Bytes of data after the header; total length is Length + PayloadLength.</summary>
    public int PayloadLength { get; set; }

    /// <summary>The identification field.</summary>
    public ushort Identification { get; set; }

    /// <summary>The reserved flag bit, kept so a parsed header emits the same bytes.</summary>
    public bool ReservedFlag { get; set; }

    /// <summary>The don't-fragment flag.</summary>
    public bool DontFragment { get; set; }

    /// <summary>The more-fragments flag.</summary>
    public bool MoreFragments { get; set; }

    /// <summary>The fragment offset in 8-byte units (0..8191).</summary>
    public int FragmentOffset { get; set; }

    /// <summary>Time to live.</summary>
    public byte TimeToLive { get; set; } = 255;

    /// <summary>The protocol of the payload.</summary>
    public IpProtocol Protocol { get; set; }

    /// <summary>Source address.</summary>
    public Ipv4Address Source { get; set; }

    /// <summary>Destination address.</summary>
    public Ipv4Address Destination { get; set; }

    /// <summary>Raw options, a multiple of 4 bytes and at most 40.</summary>
    public byte[] Options { get; set; } = [];

    /// <summary>Header bytes: 20 plus the options.</summary>
    public int Length => Ipv4HeaderView.MinimumHeaderLength + Options.Length;

    /// <summary>The total length field this header emits.</summary>
    public int TotalLength => Length + PayloadLength;

    /// <summary>Parses the header of a whole packet, checksum verified.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, out Ipv4Header? value, out WireError error)
    {
        value = null;
        if (!Ipv4HeaderView.TryCreate(packet, out var view, out error))
        {
            return false;
        }

        value = new Ipv4Header
        {
            TypeOfService = view.TypeOfService,
            PayloadLength = view.TotalLength - view.HeaderLength,
            Identification = view.Identification,
            ReservedFlag = view.ReservedFlag,
            DontFragment = view.DontFragment,
            MoreFragments = view.MoreFragments,
            FragmentOffset = view.FragmentOffset,
            TimeToLive = view.TimeToLive,
            Protocol = view.Protocol,
            Source = view.Source,
            Destination = view.Destination,
            Options = view.Options.ToArray(),
        };
        return true;
    }

    /// <summary>Writes the header with its checksum; returns <see cref="Length"/>.</summary>
    public int Emit(Span<byte> destination)
    {
        if (Options.Length % 4 != 0 || Options.Length > 40)
        {
            throw new InvalidOperationException("IPv4 options must be padded to 32 bits, ≤ 40.");
        }

        if ((uint)FragmentOffset > 0x1FFF || TotalLength > ushort.MaxValue)
        {
            throw new InvalidOperationException("Fragment offset or total length out of range.");
        }

        int length = Length;
        _ = destination[length - 1];
        destination[0] = (byte)(0x40 | (length / 4));
        destination[1] = TypeOfService;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)TotalLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Identification);
        int flags = (ReservedFlag ? 0x8000 : 0) | (DontFragment ? 0x4000 : 0)
            | (MoreFragments ? 0x2000 : 0) | FragmentOffset;
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)flags);
        destination[8] = TimeToLive;
        destination[9] = (byte)Protocol;
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], 0);
        Source.Write(destination[12..]);
        Destination.Write(destination[16..]);
        Options.CopyTo(destination[20..]);
        ushort checksum = InternetChecksum.Compute(destination[..length]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], checksum);
        return length;
    }

    /// <summary>
    /// Writes a 20-byte header without options, checksum included, for a packet whose data
    /// (<paramref name="payloadLength"/> bytes) follows; returns 20.
    /// </summary>
    public static int WriteHeader(
        Span<byte> destination,
        Ipv4Address source,
        Ipv4Address target,
        IpProtocol protocol,
        byte timeToLive,
        byte typeOfService,
        ushort identification,
        bool dontFragment,
        int payloadLength)
    {
        int totalLength = Ipv4HeaderView.MinimumHeaderLength + payloadLength;
        if ((uint)totalLength > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(payloadLength));
        }

        _ = destination[Ipv4HeaderView.MinimumHeaderLength - 1];
        destination[0] = 0x45;
        destination[1] = typeOfService;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], identification);
        ushort flags = dontFragment ? (ushort)0x4000 : (ushort)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], flags);
        destination[8] = timeToLive;
        destination[9] = (byte)protocol;
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], 0);
        source.Write(destination[12..]);
        target.Write(destination[16..]);
        var header = destination[..Ipv4HeaderView.MinimumHeaderLength];
        ushort checksum = InternetChecksum.Compute(header);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], checksum);
        return Ipv4HeaderView.MinimumHeaderLength;
    }

    /// <summary>
    /// Decrements the TTL of a header in place and patches the checksum incrementally
    /// (RFC 1624 equation 3), as a forwarding router does. The caller has checked TTL > 1.
    /// </summary>
    public static void DecrementTimeToLive(Span<byte> header)
    {
        ushort oldWord = BinaryPrimitives.ReadUInt16BigEndian(header[8..]);
        header[8]--;
        ushort newWord = BinaryPrimitives.ReadUInt16BigEndian(header[8..]);
        ushort oldChecksum = BinaryPrimitives.ReadUInt16BigEndian(header[10..]);

        // HC' = ~(~HC + ~m + m'), the sum folded to 16 bits.
        uint sum = (uint)(ushort)~oldChecksum + (ushort)~oldWord + newWord;
        sum = (sum & 0xFFFF) + (sum >> 16);
        sum = (sum & 0xFFFF) + (sum >> 16);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)~sum);
    }

    /// <summary>Recomputes the checksum of a header in place (after editing it).</summary>
    public static void UpdateChecksum(Span<byte> header)
    {
        int headerLength = (header[0] & 0x0F) * 4;
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], 0);
        ushort checksum = InternetChecksum.Compute(header[..headerLength]);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], checksum);
    }
}

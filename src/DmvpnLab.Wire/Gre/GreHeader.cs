using System.Buffers.Binary;

namespace DmvpnLab.Wire.Gre;

/// <summary>
/// A GRE header (layout in <see cref="GreHeaderView"/>) as plain values, and the
/// allocation-free writers a tunnel uses to encapsulate.
/// </summary>
public sealed class GreHeader
{
    /// <summary>Whether to carry a checksum (IOS: "tunnel checksum"; off by default).</summary>
    public bool ChecksumPresent { get; set; }

    /// <summary>The key, or null for none (IOS: "tunnel key").</summary>
    public uint? Key { get; set; }

    /// <summary>The sequence number, or null for none (IOS: "tunnel sequence-datagrams").</summary>
    public uint? SequenceNumber { get; set; }

    /// <summary>The protocol type of the payload.</summary>
    public GreProtocolType ProtocolType { get; set; }

    /// <summary>Reserved0 bits 5..12 as received (RFC 2784: ignored), for round trips.</summary>
    public ushort Reserved0 { get; set; }

    /// <summary>The reserved1 field after the checksum as received.</summary>
    public ushort Reserved1 { get; set; }

    /// <summary>Header bytes: 4, plus 4 each for checksum, key and sequence.</summary>
    public int Length => GreHeaderView.HeaderLengthFor(FlagsAndVersion);

    private ushort FlagsAndVersion => (ushort)((ChecksumPresent ? GreHeaderView.ChecksumFlag : 0)
        | (Key.HasValue ? GreHeaderView.KeyFlag : 0)
        | (SequenceNumber.HasValue ? GreHeaderView.SequenceFlag : 0)
        | (Reserved0 & ReservedMask));

    // Bits 5..12: what is left once C, R, K, S, strict source route and version are taken.
    private const ushort ReservedMask = 0x07F8;

    /// <summary>Parses the header of a GRE packet, the checksum verified when present.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, out GreHeader? value, out WireError error)
    {
        value = null;
        if (!GreHeaderView.TryCreate(packet, out var view, out error))
        {
            return false;
        }

        value = new GreHeader
        {
            ChecksumPresent = view.ChecksumPresent,
            Key = view.KeyPresent ? view.Key : null,
            SequenceNumber = view.SequencePresent ? view.SequenceNumber : null,
            ProtocolType = view.ProtocolType,
            Reserved0 = (ushort)(view.FlagsAndVersion & ReservedMask),
            Reserved1 = view.Reserved1,
        };
        return true;
    }

    /// <summary>
    /// Writes the header at the start of <paramref name="packet"/>, which spans the header
    /// and the payload already in place after it; with <see cref="ChecksumPresent"/> the
    /// checksum is computed over the whole span. Returns <see cref="Length"/>.
    /// </summary>
    public int Emit(Span<byte> packet)
    {
        int length = Length;
        _ = packet[length - 1];
        BinaryPrimitives.WriteUInt16BigEndian(packet, FlagsAndVersion);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)ProtocolType);
        int offset = GreHeaderView.MinimumHeaderLength;
        if (ChecksumPresent)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet[offset..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(packet[(offset + 2)..], Reserved1);
            offset += 4;
        }

        if (Key is { } key)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], key);
            offset += 4;
        }

        if (SequenceNumber is { } sequence)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], sequence);
        }

        if (ChecksumPresent)
        {
            WriteChecksum(packet);
        }

        return length;
    }

    /// <summary>Writes a header without checksum or sequence; returns 4, or 8 with a key.</summary>
    public static int Write(Span<byte> packet, GreProtocolType protocolType, uint? key) =>
        Write(packet, protocolType, key, sequenceNumber: null);

    /// <summary>Writes a header without checksum; returns 4 plus 4 per field present.</summary>
    public static int Write(
        Span<byte> packet, GreProtocolType protocolType, uint? key, uint? sequenceNumber)
    {
        int flags = (key.HasValue ? GreHeaderView.KeyFlag : 0)
            | (sequenceNumber.HasValue ? GreHeaderView.SequenceFlag : 0);
        int length = GreHeaderView.HeaderLengthFor((ushort)flags);
        _ = packet[length - 1];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)protocolType);
        int offset = GreHeaderView.MinimumHeaderLength;
        if (key is { } keyValue)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], keyValue);
            offset += 4;
        }

        if (sequenceNumber is { } sequence)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[offset..], sequence);
        }

        return length;
    }

    /// <summary>
    /// Computes the checksum of a whole GRE packet whose C bit is set and stores it at
    /// bytes 4..5.
    /// </summary>
    public static void WriteChecksum(Span<byte> packet)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], InternetChecksum.Compute(packet));
    }
}

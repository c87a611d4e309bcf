using System.Buffers.Binary;

namespace DmvpnLab.Wire.Capture;

// Classic pcap (draft-ietf-opsawg-pcap, sections 4 and 5): a 24-byte file header, then
// records, each a 16-byte header and the captured bytes. Every field is in the byte order
// of the writer, which the magic number reveals.
//
//   file header                         record header
//   +--------------------------------+  +--------------------------------+
//   | magic a1b2c3d4 (us)/a1b23c4d(ns)|  | timestamp seconds              |
//   | major 2       | minor 4        |  | timestamp us or ns fraction    |
//   | reserved (thiszone)            |  | captured length                |
//   | reserved (sigfigs)             |  | original length                |
//   | snap length                    |  +--------------------------------+
//   | FCS bits | link type           |  | captured bytes ...
//   +--------------------------------+
//
// pcapng (draft-ietf-opsawg-pcapng, section 3.1): a sequence of blocks, each
//   | block type | total length | body ... padded to 32 bits | total length |.
// A Section Header Block (0x0A0D0D0A, byte-order magic 1A2B3C4D) starts each section and
// sets its byte order; Interface Description Blocks (1) give the link type, snap length and
// timestamp resolution (option if_tsresol, 9) of interface N; Enhanced Packet Blocks (6) and
// Simple Packet Blocks (3) carry packets. Other block types are skipped.

/// <summary>
/// Reads classic pcap (either byte order, microsecond or nanosecond magic) and pcapng
/// (SHB, IDB, EPB, SPB; other blocks skipped) from a stream. Bad file contents stop the
/// reader with <see cref="Error"/> set; they never throw.
/// </summary>
public sealed class PcapReader
{
    private const uint ClassicMicroMagic = 0xA1B2_C3D4;
    private const uint ClassicNanoMagic = 0xA1B2_3C4D;
    private const uint SectionHeaderType = 0x0A0D_0D0A;
    private const uint ByteOrderMagic = 0x1A2B_3C4D;
    private const uint InterfaceDescriptionType = 1;
    private const uint SimplePacketType = 3;
    private const uint EnhancedPacketType = 6;
    private const int ClassicFileHeaderLength = 24;
    private const int ClassicRecordHeaderLength = 16;
    private const ushort TimestampResolutionOption = 9;

    /// <summary>Largest record or block we accept; larger lengths mean a corrupt file.</summary>
    public const int MaximumRecordLength = 16 * 1024 * 1024;

    private readonly Stream stream;
    private readonly List<Interface> interfaces = new();
    private bool bigEndian;
    private bool classicNanoseconds;
    private LinkType classicLinkType;
    private bool finished;

    private PcapReader(Stream stream, bool isPcapng)
    {
        this.stream = stream;
        IsPcapng = isPcapng;
    }

    /// <summary>True for a pcapng file, false for classic pcap.</summary>
    public bool IsPcapng { get; }

    /// <summary>Why reading stopped early; <see cref="WireError.None"/> at a clean end.</summary>
    public WireError Error { get; private set; }

    /// <summary>The file-wide link type of a classic pcap, or of pcapng interface 0.</summary>
    public LinkType LinkType =>
        IsPcapng ? (interfaces.Count > 0 ? interfaces[0].LinkType : default) : classicLinkType;

    /// <summary>Reads the file header; the reader is then at the first packet.</summary>
    public static bool TryOpen(Stream stream, out PcapReader? reader, out WireError error)
    {
        reader = null;
        Span<byte> header = stackalloc byte[ClassicFileHeaderLength];
        if (!TryReadFully(stream, header[..4]))
        {
            error = WireError.Truncated;
            return false;
        }

        uint little = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (little == SectionHeaderType)
        {
            var pcapng = new PcapReader(stream, isPcapng: true);
            if (!pcapng.TryReadSectionHeader(out error))
            {
                return false;
            }

            reader = pcapng;
            return true;
        }

        if (!TryReadFully(stream, header[4..]))
        {
            error = WireError.Truncated;
            return false;
        }

        return TryOpenClassic(stream, header, out reader, out error);
    }

    /// <summary>Opens a capture file by path and reads every record; throws on I/O only.</summary>
    public static List<PcapRecord> ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        if (!TryOpen(file, out var reader, out var error))
        {
            throw new InvalidDataException($"{path}: not a capture file ({error}).");
        }

        var records = new List<PcapRecord>();
        while (reader!.TryReadNext(out var record))
        {
            records.Add(record!);
        }

        if (reader.Error != WireError.None)
        {
            throw new InvalidDataException($"{path}: {reader.Error} after {records.Count}.");
        }

        return records;
    }

    /// <summary>
    /// Reads the next packet. False at the end of the file, or on a corrupt record (then
    /// <see cref="Error"/> says why).
    /// </summary>
    public bool TryReadNext(out PcapRecord? record)
    {
        record = null;
        if (finished)
        {
            return false;
        }

        bool ok = IsPcapng ? TryReadNextBlock(out record) : TryReadNextClassic(out record);
        if (!ok)
        {
            finished = true;
        }

        return ok;
    }

    private static bool TryOpenClassic(
        Stream stream, ReadOnlySpan<byte> header, out PcapReader? reader, out WireError error)
    {
        reader = null;
        uint little = BinaryPrimitives.ReadUInt32LittleEndian(header);
        uint big = BinaryPrimitives.ReadUInt32BigEndian(header);
        bool bigEndian;
        bool nanoseconds;
        if (little is ClassicMicroMagic or ClassicNanoMagic)
        {
            bigEndian = false;
            nanoseconds = little == ClassicNanoMagic;
        }
        else if (big is ClassicMicroMagic or ClassicNanoMagic)
        {
            bigEndian = true;
            nanoseconds = big == ClassicNanoMagic;
        }
        else
        {
            error = WireError.BadMagic;
            return false;
        }

        ushort major = ReadUInt16(header[4..], bigEndian);
        if (major != 2)
        {
            error = WireError.BadVersion;
            return false;
        }

        // The top four bits of the link type word carry FCS information; bits 16..27 are
        // reserved. The link type itself is the low 16 bits.
        uint linkWord = ReadUInt32(header[20..], bigEndian);
        reader = new PcapReader(stream, isPcapng: false)
        {
            bigEndian = bigEndian,
            classicNanoseconds = nanoseconds,
            classicLinkType = (LinkType)(linkWord & 0xFFFF),
        };
        error = WireError.None;
        return true;
    }

    private bool TryReadNextClassic(out PcapRecord? record)
    {
        record = null;
        Span<byte> header = stackalloc byte[ClassicRecordHeaderLength];
        int read = ReadUpTo(stream, header);
        if (read == 0)
        {
            return false;
        }

        if (read < header.Length)
        {
            Error = WireError.Truncated;
            return false;
        }

        long seconds = ReadUInt32(header, bigEndian);
        long fraction = ReadUInt32(header[4..], bigEndian);
        uint captured = ReadUInt32(header[8..], bigEndian);
        uint original = ReadUInt32(header[12..], bigEndian);
        if (captured > MaximumRecordLength)
        {
            Error = WireError.BadLength;
            return false;
        }

        var data = new byte[captured];
        if (!TryReadFully(stream, data))
        {
            Error = WireError.Truncated;
            return false;
        }

        long nanoseconds = seconds * 1_000_000_000
            + (classicNanoseconds ? fraction : fraction * 1000);
        int originalLength = (int)Math.Min(Math.Max(original, captured), int.MaxValue);
        record = new PcapRecord(nanoseconds, classicLinkType, data, originalLength);
        return true;
    }

    private bool TryReadSectionHeader(out WireError error)
    {
        // The block type has been read. After it come the total length and the byte-order
        // magic; the magic decides how to read the length.
        Span<byte> fixedPart = stackalloc byte[8];
        if (!TryReadFully(stream, fixedPart))
        {
            error = WireError.Truncated;
            return false;
        }

        uint magicLittle = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[4..]);
        uint magicBig = BinaryPrimitives.ReadUInt32BigEndian(fixedPart[4..]);
        if (magicLittle != ByteOrderMagic && magicBig != ByteOrderMagic)
        {
            error = WireError.BadMagic;
            return false;
        }

        bigEndian = magicBig == ByteOrderMagic;
        uint totalLength = ReadUInt32(fixedPart, bigEndian);
        if (totalLength < 28 || totalLength % 4 != 0 || totalLength > MaximumRecordLength)
        {
            error = WireError.BadLength;
            return false;
        }

        // Version, section length and options are of no use to us: skip to the block end.
        var rest = new byte[totalLength - 12];
        if (!TryReadFully(stream, rest))
        {
            error = WireError.Truncated;
            return false;
        }

        if (ReadUInt16(rest, bigEndian) != 1)
        {
            error = WireError.BadVersion;
            return false;
        }

        interfaces.Clear();
        error = WireError.None;
        return true;
    }

    private bool TryReadNextBlock(out PcapRecord? record)
    {
        record = null;
        Span<byte> head = stackalloc byte[8];
        while (true)
        {
            int read = ReadUpTo(stream, head[..4]);
            if (read == 0)
            {
                return false;
            }

            if (read < 4)
            {
                Error = WireError.Truncated;
                return false;
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(head) == SectionHeaderType)
            {
                if (!TryReadSectionHeader(out var error))
                {
                    Error = error;
                    return false;
                }

                continue;
            }

            uint type = ReadUInt32(head, bigEndian);
            if (!TryReadFully(stream, head[4..]))
            {
                Error = WireError.Truncated;
                return false;
            }

            uint totalLength = ReadUInt32(head[4..], bigEndian);
            if (totalLength < 12 || totalLength % 4 != 0 || totalLength > MaximumRecordLength)
            {
                Error = WireError.BadLength;
                return false;
            }

            var body = new byte[totalLength - 8];
            if (!TryReadFully(stream, body))
            {
                Error = WireError.Truncated;
                return false;
            }

            if (ReadUInt32(body.AsSpan(body.Length - 4), bigEndian) != totalLength)
            {
                Error = WireError.BadLength;
                return false;
            }

            var content = body.AsSpan(0, body.Length - 4);
            switch (type)
            {
                case InterfaceDescriptionType:
                    if (!TryAddInterface(content))
                    {
                        return false;
                    }

                    break;
                case EnhancedPacketType:
                    return TryDecodeEnhancedPacket(content, out record);
                case SimplePacketType:
                    return TryDecodeSimplePacket(content, out record);
            }
        }
    }

    private bool TryAddInterface(ReadOnlySpan<byte> content)
    {
        if (content.Length < 8)
        {
            Error = WireError.Truncated;
            return false;
        }

        var linkType = (LinkType)ReadUInt16(content, bigEndian);
        uint snapLength = ReadUInt32(content[4..], bigEndian);
        long unitsPerSecond = 1_000_000;
        var options = content[8..];
        while (options.Length >= 4)
        {
            ushort code = ReadUInt16(options, bigEndian);
            ushort length = ReadUInt16(options[2..], bigEndian);
            int padded = (length + 3) & ~3;
            if (code == 0 || 4 + padded > options.Length)
            {
                break;
            }

            if (code == TimestampResolutionOption && length >= 1)
            {
                unitsPerSecond = DecodeResolution(options[4]);
            }

            options = options[(4 + padded)..];
        }

        interfaces.Add(new Interface(linkType, snapLength, unitsPerSecond));
        return true;
    }

    // if_tsresol: top bit clear means 10^-n seconds, set means 2^-n seconds.
    private static long DecodeResolution(byte value)
    {
        int exponent = value & 0x7F;
        if ((value & 0x80) != 0)
        {
            return exponent >= 62 ? long.MaxValue : 1L << exponent;
        }

        long units = 1;
        for (int i = 0; i < exponent && units <= long.MaxValue / 10; i++)
        {
            units *= 10;
        }

        return units;
    }

    private bool TryDecodeEnhancedPacket(ReadOnlySpan<byte> content, out PcapRecord? record)
    {
        record = null;
        if (content.Length < 20)
        {
            Error = WireError.Truncated;
            return false;
        }

        uint interfaceId = ReadUInt32(content, bigEndian);
        ulong units = ((ulong)ReadUInt32(content[4..], bigEndian) << 32)
            | ReadUInt32(content[8..], bigEndian);
        uint captured = ReadUInt32(content[12..], bigEndian);
        uint original = ReadUInt32(content[16..], bigEndian);
        if (interfaceId >= interfaces.Count)
        {
            Error = WireError.Malformed;
            return false;
        }

        if (captured > content.Length - 20)
        {
            Error = WireError.BadLength;
            return false;
        }

        var link = interfaces[(int)interfaceId];
        long nanoseconds = ToNanoseconds(units, link.UnitsPerSecond);
        var data = content.Slice(20, (int)captured).ToArray();
        int originalLength = (int)Math.Min(Math.Max(original, captured), int.MaxValue);
        record = new PcapRecord(
            nanoseconds, link.LinkType, data, originalLength, (int)interfaceId);
        return true;
    }

    private bool TryDecodeSimplePacket(ReadOnlySpan<byte> content, out PcapRecord? record)
    {
        record = null;
        if (content.Length < 4)
        {
            Error = WireError.Truncated;
            return false;
        }

        if (interfaces.Count == 0)
        {
            Error = WireError.Malformed;
            return false;
        }

        // An SPB has no captured-length field: the packet is the smaller of its original
        // length, interface 0's snap length and the block body.
        uint original = ReadUInt32(content, bigEndian);
        var link = interfaces[0];
        long captured = Math.Min(original, content.Length - 4);
        if (link.SnapLength != 0)
        {
            captured = Math.Min(captured, link.SnapLength);
        }

        var data = content.Slice(4, (int)captured).ToArray();
        int originalLength = (int)Math.Min(Math.Max(original, captured), int.MaxValue);
        record = new PcapRecord(0, link.LinkType, data, originalLength);
        return true;
    }

    private static long ToNanoseconds(ulong units, long unitsPerSecond)
    {
        ulong perSecond = (ulong)unitsPerSecond;
        ulong seconds = units / perSecond;
        ulong remainder = units % perSecond;
        var fraction = (UInt128)remainder * 1_000_000_000 / perSecond;
        return (long)(seconds * 1_000_000_000 + (ulong)fraction);
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> source, bool bigEndian) =>
        bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(source)
            : BinaryPrimitives.ReadUInt16LittleEndian(source);

    private static uint ReadUInt32(ReadOnlySpan<byte> source, bool bigEndian) =>
        bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(source)
            : BinaryPrimitives.ReadUInt32LittleEndian(source);

    private static bool TryReadFully(Stream stream, Span<byte> buffer) =>
        ReadUpTo(stream, buffer) == buffer.Length;

    private static int ReadUpTo(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private readonly record struct Interface(
        LinkType LinkType, uint SnapLength, long UnitsPerSecond);
}

using System.Buffers.Binary;

namespace DmvpnLab.Wire.Capture;

// Classic pcap as written here (draft-ietf-opsawg-pcap, sections 4 and 5), little-endian:
//
//   0       4       6       8      12      16      20      24
//   | magic | major | minor | zone  | sigf  | snap  | link  |       file header
//   | seconds | fraction (us or ns) | captured length | original length | data ...
//
// The nanosecond magic a1b23c4d makes the fraction nanoseconds; a1b2c3d4 microseconds.

/// <summary>
/// Writes classic pcap to a stream, timestamps taken from the lab's virtual clock in
/// nanoseconds. Writing a record allocates nothing.
/// </summary>
public sealed class PcapWriter : IDisposable
{
    /// <summary>The snap length written when none is given (tcpdump's default).</summary>
    public const int DefaultSnapLength = 262_144;

    private const uint MicrosecondMagic = 0xA1B2_C3D4;
    private const uint NanosecondMagic = 0xA1B2_3C4D;

    private readonly Stream stream;
    private readonly bool leaveOpen;

    /// <summary>Writes the file header at once.</summary>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="nanosecondResolution">Nanosecond magic when true, microseconds else.</param>
    /// <param name="linkType">The link type of every record.</param>
    /// <param name="snapLength">Records longer than this are cut, as a capture would.</param>
    /// <param name="leaveOpen">Leave the stream open on dispose.</param>
    public PcapWriter(
        Stream stream,
        bool nanosecondResolution = true,
        LinkType linkType = LinkType.Ethernet,
        int snapLength = DefaultSnapLength,
        bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snapLength);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        NanosecondResolution = nanosecondResolution;
        LinkType = linkType;
        SnapLength = snapLength;

        Span<byte> header = stackalloc byte[24];
        uint magic = nanosecondResolution ? NanosecondMagic : MicrosecondMagic;
        BinaryPrimitives.WriteUInt32LittleEndian(header, magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)snapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], (uint)linkType);
        stream.Write(header);
    }

    /// <summary>True when timestamps are written in nanoseconds.</summary>
    public bool NanosecondResolution { get; }

    /// <summary>The link type in the file header.</summary>
    public LinkType LinkType { get; }

    /// <summary>The snap length in the file header.</summary>
    public int SnapLength { get; }

    /// <summary>Records written so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>
    /// Appends one packet stamped <paramref name="timestampNanoseconds"/> after the epoch
    /// (the virtual clock's zero is 1970-01-01 unless the caller offsets it).
    /// </summary>
    public void Write(long timestampNanoseconds, ReadOnlySpan<byte> packet)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanoseconds);
        long seconds = timestampNanoseconds / 1_000_000_000;
        long nanoseconds = timestampNanoseconds % 1_000_000_000;
        long fraction = NanosecondResolution ? nanoseconds : nanoseconds / 1000;
        int captured = Math.Min(packet.Length, SnapLength);

        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)seconds);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)fraction);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)captured);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], (uint)packet.Length);
        stream.Write(header);
        stream.Write(packet[..captured]);
        RecordCount++;
    }

    /// <summary>Flushes the stream.</summary>
    public void Flush() => stream.Flush();

    /// <inheritdoc/>
    public void Dispose()
    {
        stream.Flush();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}

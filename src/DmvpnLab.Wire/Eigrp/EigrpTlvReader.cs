using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

/// <summary>
/// Walks the TLVs after the EIGRP header. Stops with <see cref="Error"/> set when a length
/// is below 4 or runs past the end, or when fewer than 4 bytes are left over.
/// </summary>
public ref struct EigrpTlvReader
{
    /// <summary>Bytes of a TLV's type and length.</summary>
    public const int TlvHeaderLength = 4;

    private ReadOnlySpan<byte> remaining;

    /// <summary>Starts at the first TLV.</summary>
    public EigrpTlvReader(ReadOnlySpan<byte> tlvs)
    {
        remaining = tlvs;
        Error = WireError.None;
    }

    /// <summary>Why the walk stopped early; None at a clean end.</summary>
    public WireError Error { get; private set; }

    /// <summary>Reads the next TLV's type and value (the bytes after its 4-byte header).</summary>
    public bool TryRead(out EigrpTlvType type, out ReadOnlySpan<byte> value)
    {
        type = default;
        value = default;
        if (remaining.IsEmpty || Error != WireError.None)
        {
            return false;
        }

        if (remaining.Length < TlvHeaderLength)
        {
            Error = WireError.Truncated;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(remaining[2..]);
        if (length < TlvHeaderLength || length > remaining.Length)
        {
            Error = WireError.BadLength;
            return false;
        }

        type = (EigrpTlvType)BinaryPrimitives.ReadUInt16BigEndian(remaining);
        value = remaining[TlvHeaderLength..length];
        remaining = remaining[length..];
        return true;
    }
}

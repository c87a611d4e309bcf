using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

/// <summary>
/// One EIGRP TLV. Known types decode to a subclass; unknown types, and known ones whose
/// bytes would not come back identical from the subclass (an encoding IOS does not use,
/// several destinations packed in one route TLV), stay an <see cref="EigrpRawTlv"/> so
/// parse then emit always gives the same bytes.
/// </summary>
public abstract class EigrpTlv
{
    /// <summary>The TLV type.</summary>
    public abstract EigrpTlvType Type { get; }

    /// <summary>Bytes of the whole TLV: 4 plus the value.</summary>
    public int Length => EigrpTlvReader.TlvHeaderLength + ValueLength;

    /// <summary>Bytes of the value.</summary>
    protected abstract int ValueLength { get; }

    /// <summary>Decodes one TLV's value; never fails (falls back to raw).</summary>
    public static EigrpTlv Decode(EigrpTlvType type, ReadOnlySpan<byte> value)
    {
        EigrpTlv? typed = type switch
        {
            EigrpTlvType.Parameters => EigrpParametersTlv.TryDecode(value),
            EigrpTlvType.Sequence => EigrpSequenceTlv.TryDecode(value),
            EigrpTlvType.SoftwareVersion => EigrpSoftwareVersionTlv.TryDecode(value),
            EigrpTlvType.NextMulticastSequence => EigrpNextMulticastSequenceTlv.TryDecode(value),
            EigrpTlvType.PeerTermination => new EigrpPeerTerminationTlv { Value = value.ToArray() },
            EigrpTlvType.Ipv4Internal => EigrpInternalRouteTlv.TryDecode(value),
            EigrpTlvType.Ipv4External => EigrpExternalRouteTlv.TryDecode(value),
            _ => null,
        };

        if (typed is not null && typed.ValueLength == value.Length)
        {
            var again = new byte[typed.Length];
            typed.Emit(again);
            if (again.AsSpan(EigrpTlvReader.TlvHeaderLength).SequenceEqual(value))
            {
                return typed;
            }
        }

        return new EigrpRawTlv(type, value.ToArray());
    }

    /// <summary>Writes type, length and value; returns <see cref="Length"/>.</summary>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        _ = destination[length - 1];
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
        WriteValue(destination[EigrpTlvReader.TlvHeaderLength..length]);
        return length;
    }

    /// <summary>Writes the value into a span of exactly <see cref="ValueLength"/> bytes.</summary>
    protected abstract void WriteValue(Span<byte> value);
}

/// <summary>A TLV kept as bytes: unknown types, and encodings no typed class makes.</summary>
public sealed class EigrpRawTlv : EigrpTlv
{
    private readonly EigrpTlvType type;

    /// <summary>A TLV of any type with the given value.</summary>
    public EigrpRawTlv(EigrpTlvType type, byte[] value)
    {
        this.type = type;
        Value = value;
    }

    /// <inheritdoc/>
    public override EigrpTlvType Type => type;

    /// <summary>The value bytes after the TLV header.</summary>
    public byte[] Value { get; }

    /// <inheritdoc/>
    protected override int ValueLength => Value.Length;

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value) => Value.CopyTo(value);
}

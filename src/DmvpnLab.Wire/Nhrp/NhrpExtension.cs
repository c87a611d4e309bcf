// RFC 2332 5.3, extension header:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |C|u|        Type               |        Length                 |
//  |                         Value...                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// C is the Compulsory bit: a receiver that does not know a compulsory extension answers
// with an Error Indication "Unrecognized Extension"; a non-compulsory unknown one is
// passed through unchanged. IOS sends, in order, Responder Address, Forward and Reverse
// Transit NHS Record, Authentication (all compulsory), its NAT Address (non-compulsory),
// then End (0x8000).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>
/// One NHRP extension. Subclasses give the known layouts; <see cref="NhrpRawExtension"/>
/// keeps any other value byte for byte.
/// </summary>
public abstract class NhrpExtension
{
    /// <summary>The C bit of the type field.</summary>
    public const ushort CompulsoryBit = 0x8000;

    /// <summary>Bytes of Type plus Length.</summary>
    public const int HeaderLength = 4;

    /// <summary>Compulsory (C) bit.</summary>
    public bool Compulsory { get; set; }

    /// <summary>Type, without the C bit.</summary>
    public NhrpExtensionType Type { get; set; }

    /// <summary>Bytes of the value.</summary>
    public abstract int ValueLength { get; }

    /// <summary>Bytes of header and value.</summary>
    public int Length => HeaderLength + ValueLength;

    /// <summary>The End extension as IOS sends it (compulsory, empty).</summary>
    public static NhrpRawExtension End() =>
        new() { Compulsory = true, Type = NhrpExtensionType.End };

    /// <summary>Writes header and value; returns the length.</summary>
    /// <exception cref="ArgumentException">The span is too short.</exception>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("destination shorter than the extension");
        }

        ushort type = (ushort)((ushort)Type | (Compulsory ? CompulsoryBit : 0));
        BinaryPrimitives.WriteUInt16BigEndian(destination, type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], checked((ushort)ValueLength));
        EmitValue(destination.Slice(HeaderLength, ValueLength));
        return length;
    }

    /// <summary>Writes the value into exactly <see cref="ValueLength"/> bytes.</summary>
    protected abstract void EmitValue(Span<byte> value);
}

/// <summary>An extension whose value this codec keeps as bytes (unknown, End, vendor).</summary>
public sealed class NhrpRawExtension : NhrpExtension
{
    /// <summary>The value as received.</summary>
    public byte[] Value { get; set; } = [];

    /// <inheritdoc/>
    public override int ValueLength => Value.Length;

    /// <inheritdoc/>
    protected override void EmitValue(Span<byte> value) => Value.CopyTo(value);
}

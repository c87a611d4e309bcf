// RFC 2408 3.3, Data Attributes:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |A|       Attribute Type        |    AF=0  Attribute Length     |
//  |                               |    AF=1  Attribute Value      |
//  |                   AF=0  Attribute Value (variable)            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// AF = 1 is the basic form (TV: a 16-bit value in the header); AF = 0 the variable form
// (TLV). IOS sends the life duration as TLV with 4 bytes even when it fits in 16 bits.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>One data attribute of a transform, in the form it arrived in.</summary>
public sealed class IsakmpAttribute
{
    /// <summary>The AF bit: set for the basic (TV) form.</summary>
    public const ushort BasicFormatBit = 0x8000;

    /// <summary>Bytes of the header (type and length or value).</summary>
    public const int HeaderLength = 4;

    /// <summary>Attribute Type, without the AF bit (<see cref="IkeAttributeType"/> or
    /// <see cref="IpsecAttributeType"/> by context).</summary>
    public ushort Type { get; set; }

    /// <summary>True for the basic (TV) form.</summary>
    public bool IsBasic { get; set; }

    /// <summary>The value of a basic attribute.</summary>
    public ushort BasicValue { get; set; }

    /// <summary>The value of a variable (TLV) attribute.</summary>
    public byte[] Value { get; set; } = [];

    /// <summary>Bytes on the wire.</summary>
    public int Length => IsBasic ? HeaderLength : HeaderLength + Value.Length;

    /// <summary>A basic (TV) attribute.</summary>
    public static IsakmpAttribute Basic(ushort type, ushort value) =>
        new() { Type = type, IsBasic = true, BasicValue = value };

    /// <summary>A variable (TLV) attribute holding <paramref name="value"/> big-endian in
    /// four bytes, as IOS sends a life duration.</summary>
    public static IsakmpAttribute Variable(ushort type, uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IsakmpAttribute { Type = type, Value = bytes };
    }

    /// <summary>
    /// The value as a number, whichever the form; false for a variable value over 8 bytes.
    /// </summary>
    public bool TryGetInteger(out ulong value)
    {
        value = BasicValue;
        if (IsBasic)
        {
            return true;
        }

        if (Value.Length > 8)
        {
            return false;
        }

        value = 0;
        foreach (byte b in Value)
        {
            value = value << 8 | b;
        }

        return true;
    }

    /// <summary>Parses one attribute at the start of <paramref name="source"/>.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> source, out IsakmpAttribute? attribute, out int consumed)
    {
        attribute = null;
        consumed = 0;
        if (source.Length < HeaderLength)
        {
            return false;
        }

        ushort typeField = BinaryPrimitives.ReadUInt16BigEndian(source);
        ushort second = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        var type = (ushort)(typeField & ~BasicFormatBit);
        if ((typeField & BasicFormatBit) != 0)
        {
            attribute = Basic(type, second);
            consumed = HeaderLength;
            return true;
        }

        if (HeaderLength + second > source.Length)
        {
            return false;
        }

        attribute = new IsakmpAttribute
        {
            Type = type,
            Value = source.Slice(HeaderLength, second).ToArray(),
        };
        consumed = HeaderLength + second;
        return true;
    }

    /// <summary>Writes the attribute; returns its length.</summary>
    public int Emit(Span<byte> destination)
    {
        ushort typeField = (ushort)(Type | (IsBasic ? BasicFormatBit : 0));
        BinaryPrimitives.WriteUInt16BigEndian(destination, typeField);
        if (IsBasic)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[2..], BasicValue);
            return HeaderLength;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], checked((ushort)Value.Length));
        Value.CopyTo(destination[HeaderLength..]);
        return Length;
    }
}

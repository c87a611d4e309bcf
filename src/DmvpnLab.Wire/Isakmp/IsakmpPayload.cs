// RFC 2408 3.2, Generic Payload Header:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// A payload's own type is in the header of the one before it (or of the message), so a
// payload object carries its type and the chain writes each Next Payload on emit.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>One ISAKMP payload: the generic header plus a type-specific body.</summary>
public abstract class IsakmpPayload
{
    /// <summary>Bytes of the generic header.</summary>
    public const int HeaderLength = 4;

    /// <summary>This payload's type (written in the previous Next Payload field).</summary>
    public abstract IsakmpPayloadType Type { get; }

    /// <summary>The RESERVED byte, kept so a non-zero one round-trips.</summary>
    public byte Reserved { get; set; }

    /// <summary>Bytes after the generic header.</summary>
    public abstract int BodyLength { get; }

    /// <summary>Payload Length: header and body.</summary>
    public int Length => HeaderLength + BodyLength;

    /// <summary>Writes header and body; returns <see cref="Length"/>.</summary>
    /// <exception cref="ArgumentException">Short span, or a payload too long.</exception>
    public int Emit(Span<byte> destination, IsakmpPayloadType nextPayload)
    {
        int length = Length;
        if (length > ushort.MaxValue || destination.Length < length)
        {
            throw new ArgumentException($"cannot emit a {Type} payload of {length} bytes here");
        }

        destination[0] = (byte)nextPayload;
        destination[1] = Reserved;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)length);
        EmitBody(destination.Slice(HeaderLength, length - HeaderLength));
        return length;
    }

    /// <summary>Writes the body into exactly <see cref="BodyLength"/> bytes.</summary>
    protected abstract void EmitBody(Span<byte> body);
}

/// <summary>A payload kept as bytes: unknown types, certificates, NAT-D and the like.</summary>
public sealed class IsakmpRawPayload(IsakmpPayloadType type) : IsakmpPayload
{
    /// <inheritdoc/>
    public override IsakmpPayloadType Type { get; } = type;

    /// <summary>The body as received.</summary>
    public byte[] Body { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength => Body.Length;

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body) => Body.CopyTo(body);
}

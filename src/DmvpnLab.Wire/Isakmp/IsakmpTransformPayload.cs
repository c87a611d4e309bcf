// RFC 2408 3.6, Transform Payload:
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |  Transform #  |  Transform-Id |           RESERVED2           |
//  |                        SA Attributes ...                      |
//
// Next Payload is 3 (another transform) or 0 (the last one in its proposal).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>A transform of a proposal and its attributes.</summary>
public sealed class IsakmpTransformPayload : IsakmpPayload
{
    private const int FixedLength = 4;

    /// <summary>KEY_IKE, the transform ID of every phase 1 transform (RFC 2407 4.4.2).</summary>
    public const byte KeyIke = 1;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Transform;

    /// <summary>Transform #.</summary>
    public byte TransformNumber { get; set; }

    /// <summary>Transform-Id: <see cref="KeyIke"/> in phase 1, an
    /// <see cref="EspTransformId"/> in an ESP proposal.</summary>
    public byte TransformId { get; set; }

    /// <summary>RESERVED2, kept for the round trip.</summary>
    public ushort Reserved2 { get; set; }

    /// <summary>SA attributes in wire order.</summary>
    public List<IsakmpAttribute> Attributes { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength
    {
        get
        {
            int length = FixedLength;
            foreach (var attribute in Attributes)
            {
                length += attribute.Length;
            }

            return length;
        }
    }

    /// <summary>The first attribute of <paramref name="type"/>, or null.</summary>
    public IsakmpAttribute? Find(ushort type)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Type == type)
            {
                return attribute;
            }
        }

        return null;
    }

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpTransformPayload? transform,
        out WireError error)
    {
        transform = null;
        if (body.Length < FixedLength)
        {
            error = WireError.BadLength;
            return false;
        }

        var parsed = new IsakmpTransformPayload
        {
            Reserved = reserved,
            TransformNumber = body[0],
            TransformId = body[1],
            Reserved2 = BinaryPrimitives.ReadUInt16BigEndian(body[2..]),
        };
        var rest = body[FixedLength..];
        while (!rest.IsEmpty)
        {
            if (!IsakmpAttribute.TryParse(rest, out var attribute, out int used))
            {
                error = WireError.BadLength;
                return false;
            }

            parsed.Attributes.Add(attribute!);
            rest = rest[used..];
        }

        transform = parsed;
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        body[0] = TransformNumber;
        body[1] = TransformId;
        BinaryPrimitives.WriteUInt16BigEndian(body[2..], Reserved2);
        int offset = FixedLength;
        foreach (var attribute in Attributes)
        {
            offset += attribute.Emit(body[offset..]);
        }
    }
}

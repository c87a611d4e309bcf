// RFC 2408 3.5, Proposal Payload:
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |  Proposal #   |  Protocol-Id  |    SPI Size   |# of Transforms|
//  |                        SPI (variable)                         |
//  |                        Transforms ...                         |
//
// Next Payload is 2 (another proposal) or 0 (the last in its SA). Phase 1 proposals have
// SPI size 0; ESP proposals a 4-byte SPI.
namespace DmvpnLab.Wire.Isakmp;

/// <summary>A proposal of an SA payload and its transforms.</summary>
public sealed class IsakmpProposalPayload : IsakmpPayload
{
    private const int FixedLength = 4;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Proposal;

    /// <summary>Proposal #.</summary>
    public byte ProposalNumber { get; set; } = 1;

    /// <summary>Protocol-Id.</summary>
    public IsakmpProtocolId ProtocolId { get; set; } = IsakmpProtocolId.Isakmp;

    /// <summary>The SPI, its length being the SPI Size.</summary>
    public byte[] Spi { get; set; } = [];

    /// <summary>The transforms; their count is # of Transforms.</summary>
    public List<IsakmpTransformPayload> Transforms { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength
    {
        get
        {
            int length = FixedLength + Spi.Length;
            foreach (var transform in Transforms)
            {
                length += transform.Length;
            }

            return length;
        }
    }

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpProposalPayload? proposal,
        out WireError error)
    {
        proposal = null;
        if (body.Length < FixedLength || body.Length < FixedLength + body[2])
        {
            error = WireError.BadLength;
            return false;
        }

        int spiSize = body[2];
        int transformCount = body[3];
        var parsed = new IsakmpProposalPayload
        {
            Reserved = reserved,
            ProposalNumber = body[0],
            ProtocolId = (IsakmpProtocolId)body[1],
            Spi = body.Slice(FixedLength, spiSize).ToArray(),
        };
        var rest = body[(FixedLength + spiSize)..];
        var next = rest.IsEmpty ? IsakmpPayloadType.None : IsakmpPayloadType.Transform;
        while (next != IsakmpPayloadType.None)
        {
            if (next != IsakmpPayloadType.Transform)
            {
                error = WireError.Malformed;
                return false;
            }

            if (!IsakmpGenericHeader.TryRead(rest, out next, out byte transformReserved,
                    out var transformBody, out error)
                || !IsakmpTransformPayload.TryParseBody(transformBody, transformReserved,
                    out var transform, out error))
            {
                return false;
            }

            parsed.Transforms.Add(transform!);
            rest = rest[(IsakmpPayload.HeaderLength + transformBody.Length)..];
        }

        // RFC 2408 3.5: # of Transforms must match what follows, and nothing else may.
        if (!rest.IsEmpty || parsed.Transforms.Count != transformCount)
        {
            error = WireError.Malformed;
            return false;
        }

        proposal = parsed;
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        body[0] = ProposalNumber;
        body[1] = (byte)ProtocolId;
        body[2] = checked((byte)Spi.Length);
        body[3] = checked((byte)Transforms.Count);
        Spi.CopyTo(body[FixedLength..]);
        int offset = FixedLength + Spi.Length;
        for (int i = 0; i < Transforms.Count; i++)
        {
            var next = i + 1 < Transforms.Count
                ? IsakmpPayloadType.Transform
                : IsakmpPayloadType.None;
            offset += Transforms[i].Emit(body[offset..], next);
        }
    }
}

// RFC 2408 3.4, Security Association Payload:
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |              Domain of Interpretation  (DOI)                  |
//  |                           Situation                           |
//  |                        Proposals ...                          |
//
// With the IPsec DOI (1) and situation SIT_IDENTITY_ONLY (1), as IOS sends it, the
// situation is four bytes and the proposals follow (RFC 2407 4.2, 4.6.1).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>The SA payload: DOI, situation and proposals.</summary>
public sealed class IsakmpSecurityAssociationPayload : IsakmpPayload
{
    /// <summary>The IPsec DOI (RFC 2407).</summary>
    public const uint IpsecDoi = 1;

    /// <summary>SIT_IDENTITY_ONLY.</summary>
    public const uint SituationIdentityOnly = 1;

    private const int FixedLength = 8;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.SecurityAssociation;

    /// <summary>Domain of Interpretation.</summary>
    public uint Doi { get; set; } = IpsecDoi;

    /// <summary>Situation.</summary>
    public uint Situation { get; set; } = SituationIdentityOnly;

    /// <summary>The proposals in wire order.</summary>
    public List<IsakmpProposalPayload> Proposals { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength
    {
        get
        {
            int length = FixedLength;
            foreach (var proposal in Proposals)
            {
                length += proposal.Length;
            }

            return length;
        }
    }

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpSecurityAssociationPayload? sa,
        out WireError error)
    {
        sa = null;
        if (body.Length < FixedLength)
        {
            error = WireError.BadLength;
            return false;
        }

        var parsed = new IsakmpSecurityAssociationPayload
        {
            Reserved = reserved,
            Doi = BinaryPrimitives.ReadUInt32BigEndian(body),
            Situation = BinaryPrimitives.ReadUInt32BigEndian(body[4..]),
        };
        var rest = body[FixedLength..];
        var next = rest.IsEmpty ? IsakmpPayloadType.None : IsakmpPayloadType.Proposal;
        while (next != IsakmpPayloadType.None)
        {
            if (next != IsakmpPayloadType.Proposal)
            {
                error = WireError.Malformed;
                return false;
            }

            if (!IsakmpGenericHeader.TryRead(rest, out next, out byte proposalReserved,
                    out var proposalBody, out error)
                || !IsakmpProposalPayload.TryParseBody(proposalBody, proposalReserved,
                    out var proposal, out error))
            {
                return false;
            }

            parsed.Proposals.Add(proposal!);
            rest = rest[(IsakmpPayload.HeaderLength + proposalBody.Length)..];
        }

        if (!rest.IsEmpty)
        {
            error = WireError.Malformed;
            return false;
        }

        sa = parsed;
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, Doi);
        BinaryPrimitives.WriteUInt32BigEndian(body[4..], Situation);
        int offset = FixedLength;
        for (int i = 0; i < Proposals.Count; i++)
        {
            var next = i + 1 < Proposals.Count
                ? IsakmpPayloadType.Proposal
                : IsakmpPayloadType.None;
            offset += Proposals[i].Emit(body[offset..], next);
        }
    }
}

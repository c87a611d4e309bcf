// RFC 2408 3.8 with the IPsec DOI's layout (RFC 2407 4.6.2):
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |   ID Type     |  Protocol ID  |             Port              |
//  |                     Identification Data ...                   |
//
// IOS's phase 1 ID is an IPv4 address with protocol 17 and port 500; Quick Mode IDs are
// the proxy identities (for DMVPN, GRE between the tunnel endpoints: protocol 47, port 0).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>The Identification payload.</summary>
public sealed class IsakmpIdentificationPayload : IsakmpPayload
{
    private const int FixedLength = 4;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Identification;

    /// <summary>ID Type.</summary>
    public IsakmpIdentificationType IdType { get; set; }

    /// <summary>IP protocol, 0 for any.</summary>
    public byte ProtocolId { get; set; }

    /// <summary>Port, 0 for any.</summary>
    public ushort Port { get; set; }

    /// <summary>Identification Data: an address, address and mask, name, ...</summary>
    public byte[] Data { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength => FixedLength + Data.Length;

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpIdentificationPayload? id,
        out WireError error)
    {
        id = null;
        if (body.Length < FixedLength)
        {
            error = WireError.BadLength;
            return false;
        }

        id = new IsakmpIdentificationPayload
        {
            Reserved = reserved,
            IdType = (IsakmpIdentificationType)body[0],
            ProtocolId = body[1],
            Port = BinaryPrimitives.ReadUInt16BigEndian(body[2..]),
            Data = body[FixedLength..].ToArray(),
        };
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        body[0] = (byte)IdType;
        body[1] = ProtocolId;
        BinaryPrimitives.WriteUInt16BigEndian(body[2..], Port);
        Data.CopyTo(body[FixedLength..]);
    }
}

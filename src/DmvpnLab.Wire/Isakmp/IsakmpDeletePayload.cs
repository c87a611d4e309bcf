// RFC 2408 3.15, Delete Payload:
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |              Domain of Interpretation  (DOI)                  |
//  |  Protocol-Id  |   SPI Size    |           # of SPIs           |
//  |               Security Parameter Index(es) (SPI)              |
//
// An ISAKMP SA is deleted by its cookies (SPI size 16); IPsec SAs by their 4-byte SPIs.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>The Delete payload.</summary>
public sealed class IsakmpDeletePayload : IsakmpPayload
{
    private const int FixedLength = 8;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Delete;

    /// <summary>Domain of Interpretation.</summary>
    public uint Doi { get; set; } = IsakmpSecurityAssociationPayload.IpsecDoi;

    /// <summary>Protocol-Id.</summary>
    public IsakmpProtocolId ProtocolId { get; set; }

    /// <summary>SPI Size: the length of each SPI.</summary>
    public byte SpiSize { get; set; }

    /// <summary>The SPIs, each <see cref="SpiSize"/> bytes.</summary>
    public List<byte[]> Spis { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength => FixedLength + SpiSize * Spis.Count;

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpDeletePayload? delete,
        out WireError error)
    {
        delete = null;
        if (body.Length < FixedLength)
        {
            error = WireError.BadLength;
            return false;
        }

        byte spiSize = body[5];
        int count = BinaryPrimitives.ReadUInt16BigEndian(body[6..]);
        if (body.Length != FixedLength + spiSize * count)
        {
            error = WireError.BadLength;
            return false;
        }

        var parsed = new IsakmpDeletePayload
        {
            Reserved = reserved,
            Doi = BinaryPrimitives.ReadUInt32BigEndian(body),
            ProtocolId = (IsakmpProtocolId)body[4],
            SpiSize = spiSize,
        };
        for (int i = 0; i < count; i++)
        {
            parsed.Spis.Add(body.Slice(FixedLength + i * spiSize, spiSize).ToArray());
        }

        delete = parsed;
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, Doi);
        body[4] = (byte)ProtocolId;
        body[5] = SpiSize;
        BinaryPrimitives.WriteUInt16BigEndian(body[6..], checked((ushort)Spis.Count));
        int offset = FixedLength;
        foreach (byte[] spi in Spis)
        {
            if (spi.Length != SpiSize)
            {
                throw new ArgumentException($"an SPI of {spi.Length} bytes, SPI size {SpiSize}");
            }

            spi.CopyTo(body[offset..]);
            offset += SpiSize;
        }
    }
}

// RFC 2408 3.14, Notification Payload:
//
//  | Next Payload  |   RESERVED    |         Payload Length        |
//  |              Domain of Interpretation  (DOI)                  |
//  |  Protocol-ID  |   SPI Size    |      Notify Message Type      |
//  |                Security Parameter Index (SPI)                 |
//  |                       Notification Data                       |
//
// Phase 1 notifications carry both cookies as a 16-byte SPI (RFC 3706 DPD does too).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>The Notification payload.</summary>
public sealed class IsakmpNotificationPayload : IsakmpPayload
{
    private const int FixedLength = 8;

    /// <inheritdoc/>
    public override IsakmpPayloadType Type => IsakmpPayloadType.Notification;

    /// <summary>Domain of Interpretation.</summary>
    public uint Doi { get; set; } = IsakmpSecurityAssociationPayload.IpsecDoi;

    /// <summary>Protocol-ID.</summary>
    public IsakmpProtocolId ProtocolId { get; set; }

    /// <summary>Notify Message Type.</summary>
    public IsakmpNotifyMessageType NotifyMessageType { get; set; }

    /// <summary>SPI, its length being the SPI Size.</summary>
    public byte[] Spi { get; set; } = [];

    /// <summary>Notification Data (a DPD sequence number, for instance).</summary>
    public byte[] Data { get; set; } = [];

    /// <inheritdoc/>
    public override int BodyLength => FixedLength + Spi.Length + Data.Length;

    internal static bool TryParseBody(
        ReadOnlySpan<byte> body, byte reserved, out IsakmpNotificationPayload? notification,
        out WireError error)
    {
        notification = null;
        if (body.Length < FixedLength || body.Length < FixedLength + body[5])
        {
            error = WireError.BadLength;
            return false;
        }

        int spiSize = body[5];
        notification = new IsakmpNotificationPayload
        {
            Reserved = reserved,
            Doi = BinaryPrimitives.ReadUInt32BigEndian(body),
            ProtocolId = (IsakmpProtocolId)body[4],
            NotifyMessageType = (IsakmpNotifyMessageType)BinaryPrimitives.ReadUInt16BigEndian(
                body[6..]),
            Spi = body.Slice(FixedLength, spiSize).ToArray(),
            Data = body[(FixedLength + spiSize)..].ToArray(),
        };
        error = WireError.None;
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitBody(Span<byte> body)
    {
        BinaryPrimitives.WriteUInt32BigEndian(body, Doi);
        body[4] = (byte)ProtocolId;
        body[5] = checked((byte)Spi.Length);
        BinaryPrimitives.WriteUInt16BigEndian(body[6..], (ushort)NotifyMessageType);
        Spi.CopyTo(body[FixedLength..]);
        Data.CopyTo(body[(FixedLength + Spi.Length)..]);
    }
}

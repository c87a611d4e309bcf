// RFC 2408 3.2: every payload, the nested Proposal and Transform payloads included, starts
// with Next Payload, RESERVED and Payload Length (header included).
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>Reads one generic payload header and slices out the body.</summary>
internal static class IsakmpGenericHeader
{
    /// <summary>
    /// Reads the payload at the start of <paramref name="source"/>. Truncated when the header
    /// does not fit; BadLength when Payload Length is under 4 or past the bytes present.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<byte> source,
        out IsakmpPayloadType nextPayload,
        out byte reserved,
        out ReadOnlySpan<byte> body,
        out WireError error)
    {
        nextPayload = IsakmpPayloadType.None;
        reserved = 0;
        body = default;
        if (source.Length < IsakmpPayload.HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if (length < IsakmpPayload.HeaderLength || length > source.Length)
        {
            error = WireError.BadLength;
            return false;
        }

        nextPayload = (IsakmpPayloadType)source[0];
        reserved = source[1];
        body = source[IsakmpPayload.HeaderLength..length];
        error = WireError.None;
        return true;
    }
}

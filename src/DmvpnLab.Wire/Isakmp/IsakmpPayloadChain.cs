// RFC 2408 3.1-3.2: the payloads after the header form a chain, the type of each named by
// the Next Payload field before it (the header's for the first), ending with Next Payload
// 0. RFC 2409 5.3 lets an encrypted body be padded to the cipher's block size; after
// decryption the chain ends before the padding, so a decrypted body may carry trailing
// bytes the chain ignores.
namespace DmvpnLab.Wire.Isakmp;

/// <summary>Parses and writes a chain of payloads.</summary>
public static class IsakmpPayloadChain
{
    /// <summary>
    /// Parses a decrypted body whose first payload is <paramref name="firstPayload"/>;
    /// bytes after the last payload (encryption padding) are accepted and ignored.
    /// </summary>
    public static bool TryParse(
        IsakmpPayloadType firstPayload,
        ReadOnlySpan<byte> body,
        out List<IsakmpPayload>? payloads,
        out WireError error) =>
        TryParse(firstPayload, body, allowPadding: true, out payloads, out _, out error);

    /// <summary>
    /// Parses a chain; <paramref name="consumed"/> is where the last payload ends. Without
    /// <paramref name="allowPadding"/>, bytes after it are <see cref="WireError.BadLength"/>.
    /// </summary>
    public static bool TryParse(
        IsakmpPayloadType firstPayload,
        ReadOnlySpan<byte> body,
        bool allowPadding,
        out List<IsakmpPayload>? payloads,
        out int consumed,
        out WireError error)
    {
        payloads = null;
        consumed = 0;
        var list = new List<IsakmpPayload>();
        var type = firstPayload;
        while (type != IsakmpPayloadType.None)
        {
            if (!IsakmpGenericHeader.TryRead(body[consumed..], out var next, out byte reserved,
                    out var payloadBody, out error)
                || !TryParseBody(type, reserved, payloadBody, out var payload, out error))
            {
                return false;
            }

            list.Add(payload!);
            consumed += IsakmpPayload.HeaderLength + payloadBody.Length;
            type = next;
        }

        if (!allowPadding && consumed != body.Length)
        {
            error = WireError.BadLength;
            return false;
        }

        payloads = list;
        error = WireError.None;
        return true;
    }

    /// <summary>The header's Next Payload: the first payload's type, or None.</summary>
    public static IsakmpPayloadType FirstType(IReadOnlyList<IsakmpPayload> payloads) =>
        payloads.Count == 0 ? IsakmpPayloadType.None : payloads[0].Type;

    /// <summary>Bytes the chain takes.</summary>
    public static int GetLength(IReadOnlyList<IsakmpPayload> payloads)
    {
        int length = 0;
        foreach (var payload in payloads)
        {
            length += payload.Length;
        }

        return length;
    }

    /// <summary>Writes the chain with each Next Payload filled in; returns its length.</summary>
    public static int Emit(IReadOnlyList<IsakmpPayload> payloads, Span<byte> destination)
    {
        int offset = 0;
        for (int i = 0; i < payloads.Count; i++)
        {
            var next = i + 1 < payloads.Count ? payloads[i + 1].Type : IsakmpPayloadType.None;
            offset += payloads[i].Emit(destination[offset..], next);
        }

        return offset;
    }

    private static bool TryParseBody(
        IsakmpPayloadType type,
        byte reserved,
        ReadOnlySpan<byte> body,
        out IsakmpPayload? payload,
        out WireError error)
    {
        error = WireError.None;
        bool ok = true;
        switch (type)
        {
            case IsakmpPayloadType.SecurityAssociation:
                ok = IsakmpSecurityAssociationPayload.TryParseBody(body, reserved, out var sa,
                    out error);
                payload = sa;
                break;
            case IsakmpPayloadType.Identification:
                ok = IsakmpIdentificationPayload.TryParseBody(body, reserved, out var id,
                    out error);
                payload = id;
                break;
            case IsakmpPayloadType.Notification:
                ok = IsakmpNotificationPayload.TryParseBody(body, reserved, out var notify,
                    out error);
                payload = notify;
                break;
            case IsakmpPayloadType.Delete:
                ok = IsakmpDeletePayload.TryParseBody(body, reserved, out var delete,
                    out error);
                payload = delete;
                break;
            default:
                payload = IsakmpDataPayload.Create(type, body)
                    ?? (IsakmpPayload)new IsakmpRawPayload(type) { Body = body.ToArray() };
                payload.Reserved = reserved;
                break;
        }

        return ok;
    }
}

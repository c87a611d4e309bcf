// RFC 2408 3.1: an ISAKMP message is the 28-byte header (see IsakmpView.cs) and a chain
// of payloads, Length covering both. With the Encryption flag set the chain is encrypted
// (RFC 2409 5.3, Main Mode messages 5 and 6 and all of Quick Mode): the header's Next
// Payload still names the first payload, but its bytes are ciphertext until the IKE
// layer, which holds the keys, decrypts them and parses with IsakmpPayloadChain.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>
/// One ISAKMP (IKEv1) message. Cleartext messages parse into <see cref="Payloads"/>;
/// encrypted ones keep their body in <see cref="EncryptedBody"/>.
/// </summary>
public sealed class IsakmpMessage
{
    /// <summary>Initiator Cookie, big-endian.</summary>
    public ulong InitiatorCookie { get; set; }

    /// <summary>Responder Cookie, big-endian; zero in the first message.</summary>
    public ulong ResponderCookie { get; set; }

    /// <summary>
    /// The header's Next Payload when the body is encrypted; for a cleartext message it is
    /// taken from <see cref="Payloads"/> on emit and this value is ignored.
    /// </summary>
    public IsakmpPayloadType NextPayload { get; set; }

    /// <summary>MjVer and MnVer; 0x10 for IKEv1.</summary>
    public byte Version { get; set; } = IsakmpView.Version1;

    /// <summary>Exchange Type.</summary>
    public IsakmpExchangeType ExchangeType { get; set; }

    /// <summary>Flags.</summary>
    public IsakmpFlags Flags { get; set; }

    /// <summary>Message ID.</summary>
    public uint MessageId { get; set; }

    /// <summary>The cleartext payloads (empty when encrypted).</summary>
    public List<IsakmpPayload> Payloads { get; set; } = [];

    /// <summary>The ciphertext after the header, when encrypted.</summary>
    public byte[]? EncryptedBody { get; set; }

    /// <summary>True when the body is kept encrypted.</summary>
    public bool IsEncrypted => (Flags & IsakmpFlags.Encryption) != 0;

    /// <summary>Length: header and body.</summary>
    public int Length =>
        IsakmpView.HeaderLength
        + (IsEncrypted ? EncryptedBody?.Length ?? 0 : IsakmpPayloadChain.GetLength(Payloads));

    /// <summary>
    /// Parses the first Length bytes of <paramref name="buffer"/> (a UDP payload). A
    /// cleartext chain must fill Length exactly.
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> buffer, out IsakmpMessage? message, out WireError error)
    {
        message = null;
        if (!IsakmpView.TryCreate(buffer, out var view, out error))
        {
            return false;
        }

        var parsed = new IsakmpMessage
        {
            InitiatorCookie = view.InitiatorCookie,
            ResponderCookie = view.ResponderCookie,
            NextPayload = view.NextPayload,
            Version = view.Version,
            ExchangeType = view.ExchangeType,
            Flags = view.Flags,
            MessageId = view.MessageId,
        };
        if (parsed.IsEncrypted)
        {
            parsed.EncryptedBody = view.Body.ToArray();
        }
        else
        {
            if (!IsakmpPayloadChain.TryParse(view.NextPayload, view.Body, allowPadding: false,
                    out var payloads, out _, out error))
            {
                return false;
            }

            parsed.Payloads = payloads!;
        }

        message = parsed;
        return true;
    }

    /// <summary>Writes header and body, filling Length and Next Payload; returns Length.</summary>
    /// <exception cref="ArgumentException">The span is too short.</exception>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
        {
            throw new ArgumentException($"cannot emit an ISAKMP message of {length} bytes here");
        }

        var header = destination[..IsakmpView.HeaderLength];
        BinaryPrimitives.WriteUInt64BigEndian(header[IsakmpView.InitiatorCookieOffset..],
            InitiatorCookie);
        BinaryPrimitives.WriteUInt64BigEndian(header[IsakmpView.ResponderCookieOffset..],
            ResponderCookie);
        header[IsakmpView.NextPayloadOffset] = (byte)(IsEncrypted
            ? NextPayload
            : IsakmpPayloadChain.FirstType(Payloads));
        header[IsakmpView.VersionOffset] = Version;
        header[IsakmpView.ExchangeTypeOffset] = (byte)ExchangeType;
        header[IsakmpView.FlagsOffset] = (byte)Flags;
        BinaryPrimitives.WriteUInt32BigEndian(header[IsakmpView.MessageIdOffset..], MessageId);
        BinaryPrimitives.WriteUInt32BigEndian(header[IsakmpView.LengthOffset..], (uint)length);

        var body = destination[IsakmpView.HeaderLength..length];
        if (IsEncrypted)
        {
            EncryptedBody?.CopyTo(body);
        }
        else
        {
            IsakmpPayloadChain.Emit(Payloads, body);
        }

        return length;
    }
}

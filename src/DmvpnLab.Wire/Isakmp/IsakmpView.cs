// RFC 2408 3.1, ISAKMP header:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                          Initiator                            |
//  |                            Cookie                             |
//  |                          Responder                            |
//  |                            Cookie                             |
//  |  Next Payload | MjVer | MnVer | Exchange Type |     Flags     |
//  |                          Message ID                           |
//  |                            Length                             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Length covers header and payloads. IKEv1 is version 1.0 (0x10); 2.0 is IKEv2.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Isakmp;

/// <summary>
/// A checked view of the ISAKMP header, for demultiplexing on cookies and message ID
/// without parsing payloads. Creating it checks the header fits and Length fits the buffer.
/// </summary>
public readonly ref struct IsakmpView
{
    /// <summary>Bytes of the header.</summary>
    public const int HeaderLength = 28;

    /// <summary>Version 1.0, as IKEv1 sends it.</summary>
    public const byte Version1 = 0x10;

    internal const int InitiatorCookieOffset = 0;
    internal const int ResponderCookieOffset = 8;
    internal const int NextPayloadOffset = 16;
    internal const int VersionOffset = 17;
    internal const int ExchangeTypeOffset = 18;
    internal const int FlagsOffset = 19;
    internal const int MessageIdOffset = 20;
    internal const int LengthOffset = 24;

    private readonly ReadOnlySpan<byte> message;

    private IsakmpView(ReadOnlySpan<byte> message) => this.message = message;

    /// <summary>
    /// Checks the lengths and creates a view over the first Length bytes of
    /// <paramref name="buffer"/>; a major version other than 1 is
    /// <see cref="WireError.BadVersion"/>.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> buffer, out IsakmpView view, out WireError error)
    {
        view = default;
        if (buffer.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(buffer[LengthOffset..]);
        if (length < HeaderLength || length > (uint)buffer.Length)
        {
            error = WireError.BadLength;
            return false;
        }

        if (buffer[VersionOffset] >> 4 != Version1 >> 4)
        {
            error = WireError.BadVersion;
            return false;
        }

        view = new IsakmpView(buffer[..(int)length]);
        error = WireError.None;
        return true;
    }

    /// <summary>The message's Length bytes.</summary>
    public ReadOnlySpan<byte> Bytes => message;

    /// <summary>Initiator Cookie, big-endian.</summary>
    public ulong InitiatorCookie => BinaryPrimitives.ReadUInt64BigEndian(message);

    /// <summary>Responder Cookie, big-endian; zero in the first message.</summary>
    public ulong ResponderCookie =>
        BinaryPrimitives.ReadUInt64BigEndian(message[ResponderCookieOffset..]);

    /// <summary>Type of the first payload.</summary>
    public IsakmpPayloadType NextPayload => (IsakmpPayloadType)message[NextPayloadOffset];

    /// <summary>MjVer and MnVer in one byte.</summary>
    public byte Version => message[VersionOffset];

    /// <summary>Exchange Type.</summary>
    public IsakmpExchangeType ExchangeType => (IsakmpExchangeType)message[ExchangeTypeOffset];

    /// <summary>Flags.</summary>
    public IsakmpFlags Flags => (IsakmpFlags)message[FlagsOffset];

    /// <summary>Message ID: 0 in phase 1, random per later exchange.</summary>
    public uint MessageId => BinaryPrimitives.ReadUInt32BigEndian(message[MessageIdOffset..]);

    /// <summary>Length of the whole message.</summary>
    public int Length => message.Length;

    /// <summary>The bytes after the header: payloads, or ciphertext when encrypted.</summary>
    public ReadOnlySpan<byte> Body => message[HeaderLength..];
}

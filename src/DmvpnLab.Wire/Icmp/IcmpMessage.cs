using System.Buffers.Binary;

namespace DmvpnLab.Wire.Icmp;

/// <summary>
/// An ICMP message (layout in <see cref="IcmpMessageView"/>) as plain values: echo requests
/// and replies, errors quoting an original datagram, and any other type kept raw.
/// </summary>
public sealed class IcmpMessage
{
    /// <summary>The type.</summary>
    public IcmpType Type { get; set; }

    /// <summary>The code.</summary>
    public byte Code { get; set; }

    /// <summary>Bytes 4..7: identifier and sequence (echo), MTU (code 4), else unused.</summary>
    public uint RestOfHeader { get; set; }

    /// <summary>Echo data, or the quoted original header and its first 8 data bytes.</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>Echo identifier (high half of <see cref="RestOfHeader"/>).</summary>
    public ushort Identifier => (ushort)(RestOfHeader >> 16);

    /// <summary>Echo sequence number (low half of <see cref="RestOfHeader"/>).</summary>
    public ushort SequenceNumber => (ushort)RestOfHeader;

    /// <summary>8 plus the data.</summary>
    public int Length => IcmpMessageView.HeaderLength + Data.Length;

    /// <summary>True for the types that quote an original datagram (RFC 792).</summary>
    public static bool IsErrorType(IcmpType type) => type is IcmpType.DestinationUnreachable
        or IcmpType.SourceQuench or IcmpType.Redirect or IcmpType.TimeExceeded
        or IcmpType.ParameterProblem;

    /// <summary>An echo request.</summary>
    public static IcmpMessage EchoRequest(ushort identifier, ushort sequenceNumber, byte[] data) =>
        new()
        {
            Type = IcmpType.EchoRequest,
            RestOfHeader = Pack(identifier, sequenceNumber),
            Data = data,
        };

    /// <summary>An echo reply: the request's identifier, sequence and data (RFC 792).</summary>
    public static IcmpMessage EchoReply(ushort identifier, ushort sequenceNumber, byte[] data) =>
        new()
        {
            Type = IcmpType.EchoReply,
            RestOfHeader = Pack(identifier, sequenceNumber),
            Data = data,
        };

    /// <summary>
    /// A destination unreachable quoting <paramref name="originalPacket"/>; the MTU goes in
    /// only for fragmentation needed (RFC 1191 section 4).
    /// </summary>
    public static IcmpMessage DestinationUnreachable(
        IcmpUnreachableCode code, ReadOnlySpan<byte> originalPacket, ushort nextHopMtu = 0) => new()
    {
        Type = IcmpType.DestinationUnreachable,
        Code = (byte)code,
        RestOfHeader = code == IcmpUnreachableCode.FragmentationNeeded ? nextHopMtu : 0u,
        Data = Quote(originalPacket).ToArray(),
    };

    /// <summary>A time exceeded quoting <paramref name="originalPacket"/>.</summary>
    public static IcmpMessage TimeExceeded(
        IcmpTimeExceededCode code, ReadOnlySpan<byte> originalPacket) => new()
    {
        Type = IcmpType.TimeExceeded,
        Code = (byte)code,
        Data = Quote(originalPacket).ToArray(),
    };

    /// <summary>
    /// What an error message quotes: the original IP header and the first 64 bits of its
    /// data (RFC 792), or fewer when the packet is shorter. IOS quotes this much, no more.
    /// </summary>
    public static ReadOnlySpan<byte> Quote(ReadOnlySpan<byte> originalPacket)
    {
        if (originalPacket.IsEmpty)
        {
            return originalPacket;
        }

        int headerLength = (originalPacket[0] & 0x0F) * 4;
        return originalPacket[..Math.Min(originalPacket.Length, headerLength + 8)];
    }

    /// <summary>Parses a message, checksum verified; unknown types are kept raw.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> message, out IcmpMessage? value, out WireError error)
    {
        value = null;
        if (!IcmpMessageView.TryCreate(message, out var view, out error))
        {
            return false;
        }

        value = new IcmpMessage
        {
            Type = view.Type,
            Code = view.Code,
            RestOfHeader = view.RestOfHeader,
            Data = view.Data.ToArray(),
        };
        return true;
    }

    /// <summary>Writes the message with its checksum; returns <see cref="Length"/>.</summary>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        _ = destination[length - 1];
        destination[0] = (byte)Type;
        destination[1] = Code;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], RestOfHeader);
        Data.CopyTo(destination[IcmpMessageView.HeaderLength..]);
        WriteChecksum(destination[..length]);
        return length;
    }

    /// <summary>
    /// Writes an echo header in front of data already in place in
    /// <paramref name="message"/> (which spans header and data) and checksums it; returns 8.
    /// </summary>
    public static int WriteEchoHeader(
        Span<byte> message, bool reply, ushort identifier, ushort sequenceNumber)
    {
        _ = message[IcmpMessageView.HeaderLength - 1];
        message[0] = (byte)(reply ? IcmpType.EchoReply : IcmpType.EchoRequest);
        message[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(message[4..], Pack(identifier, sequenceNumber));
        WriteChecksum(message);
        return IcmpMessageView.HeaderLength;
    }

    /// <summary>Computes and stores the checksum of a whole message in place.</summary>
    public static void WriteChecksum(Span<byte> message)
    {
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(message[2..], InternetChecksum.Compute(message));
    }

    private static uint Pack(ushort identifier, ushort sequenceNumber) =>
        ((uint)identifier << 16) | sequenceNumber;
}

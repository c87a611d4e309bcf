using System.Buffers.Binary;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Icmp;

// ICMP for IPv4, RFC 792. Every message starts with type, code and a checksum over the
// whole ICMP message; the next 4 bytes depend on the type.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---------------+---------------+-------------------------------+
//   |     type      |     code      |           checksum            |
//   +---------------+---------------+-------------------------------+
//   | echo: identifier | sequence number                            |
//   | unreachable: unused (code 4: unused(16) | next-hop MTU(16), RFC 1191)
//   | time exceeded: unused                                         |
//   +---------------------------------------------------------------+
//   | echo: data ...   errors: original IP header + first 8 data bytes
//   +---------------------------------------------------------------+

/// <summary>A checked view of an ICMP message: at least 8 bytes, checksum verified.</summary>
public readonly ref struct IcmpMessageView
{
    /// <summary>Bytes of the fixed part.</summary>
    public const int HeaderLength = 8;

    private readonly ReadOnlySpan<byte> bytes;

    private IcmpMessageView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>Checks the length and the checksum of the whole message.</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> message, out IcmpMessageView view, out WireError error)
    {
        view = default;
        if (message.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        if (!InternetChecksum.Verify(message))
        {
            error = WireError.BadChecksum;
            return false;
        }

        view = new IcmpMessageView(message);
        error = WireError.None;
        return true;
    }

    /// <summary>The whole message.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The type.</summary>
    public IcmpType Type => (IcmpType)bytes[0];

    /// <summary>The code.</summary>
    public byte Code => bytes[1];

    /// <summary>The checksum as carried.</summary>
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);

    /// <summary>Bytes 4..7, whatever the type puts there.</summary>
    public uint RestOfHeader => BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);

    /// <summary>Echo identifier (bytes 4..5).</summary>
    public ushort Identifier => BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);

    /// <summary>Echo sequence number (bytes 6..7).</summary>
    public ushort SequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);

    /// <summary>The next-hop MTU of a fragmentation-needed message (bytes 6..7).</summary>
    public ushort NextHopMtu => BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);

    /// <summary>True for destination unreachable, source quench, redirect, time exceeded
    /// and parameter problem, the messages that quote an original datagram.</summary>
    public bool IsError => IcmpMessage.IsErrorType(Type);

    /// <summary>Echo data, or for errors the quoted original header and data.</summary>
    public ReadOnlySpan<byte> Data => bytes[HeaderLength..];

    /// <summary>The header of the datagram an error message quotes.</summary>
    public bool TryGetQuotedHeader(out Ipv4HeaderView quoted, out WireError error) =>
        Ipv4HeaderView.TryCreateHeaderOnly(Data, out quoted, out error);
}

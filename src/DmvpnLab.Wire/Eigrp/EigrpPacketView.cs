using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

// EIGRP header, RFC 7868 section 6.6, then TLVs (section 6.7). IP protocol 88.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---------------+---------------+-------------------------------+
//   |  version (2)  |    opcode     |           checksum            |
//   +---------------+---------------+-------------------------------+
//   |                             flags                             |
//   +---------------------------------------------------------------+
//   |                        sequence number                        |
//   +---------------------------------------------------------------+
//   |                     acknowledgment number                     |
//   +-------------------------------+-------------------------------+
//   |      virtual router id        |      autonomous system        |
//   +-------------------------------+-------------------------------+
//   |   TLV type    |  TLV length (type+length+value, not padded) | value ...
//   +---------------------------------------------------------------+
//
// The checksum is the RFC 1071 checksum of the whole EIGRP packet (header and TLVs).

/// <summary>
/// A checked view of an EIGRP packet: version 2, checksum verified, and every TLV length
/// at least 4 and within the packet.
/// </summary>
public readonly ref struct EigrpPacketView
{
    /// <summary>Bytes of the fixed header.</summary>
    public const int HeaderLength = 20;

    /// <summary>The only version this codec speaks.</summary>
    public const byte Version2 = 2;

    private readonly ReadOnlySpan<byte> bytes;

    private EigrpPacketView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>Checks header, checksum and TLV framing of the IP payload.</summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> packet, out EigrpPacketView view, out WireError error)
    {
        view = default;
        if (packet.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        if (packet[0] != Version2)
        {
            error = WireError.BadVersion;
            return false;
        }

        if (!InternetChecksum.Verify(packet))
        {
            error = WireError.BadChecksum;
            return false;
        }

        var reader = new EigrpTlvReader(packet[HeaderLength..]);
        while (reader.TryRead(out _, out _))
        {
        }

        if (reader.Error != WireError.None)
        {
            error = reader.Error;
            return false;
        }

        view = new EigrpPacketView(packet);
        error = WireError.None;
        return true;
    }

    /// <summary>The whole packet.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The version, 2.</summary>
    public byte Version => bytes[0];

    /// <summary>The opcode.</summary>
    public EigrpOpcode Opcode => (EigrpOpcode)bytes[1];

    /// <summary>The checksum as carried.</summary>
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);

    /// <summary>The flags.</summary>
    public EigrpFlags Flags => (EigrpFlags)BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);

    /// <summary>The reliable-transport sequence number (0 for unreliable packets).</summary>
    public uint SequenceNumber => BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]);

    /// <summary>The sequence number acknowledged (0 for none).</summary>
    public uint AcknowledgmentNumber => BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]);

    /// <summary>The virtual router id (0 for the unicast address family).</summary>
    public ushort VirtualRouterId => BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]);

    /// <summary>The autonomous system number.</summary>
    public ushort AutonomousSystem => BinaryPrimitives.ReadUInt16BigEndian(bytes[18..]);

    /// <summary>A Hello with an acknowledgment and no TLVs is an Ack (RFC 7868 5.3.2).</summary>
    public bool IsAck =>
        Opcode == EigrpOpcode.Hello && AcknowledgmentNumber != 0 && bytes.Length == HeaderLength;

    /// <summary>A reader over the TLVs (framing already checked).</summary>
    public EigrpTlvReader Tlvs => new(bytes[HeaderLength..]);
}

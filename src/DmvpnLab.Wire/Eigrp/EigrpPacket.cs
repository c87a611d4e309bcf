using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

/// <summary>
/// An EIGRP packet (layout in <see cref="EigrpPacketView"/>) as plain values: header fields
/// and TLVs in order. Emit computes the checksum.
/// </summary>
public sealed class EigrpPacket
{
    /// <summary>The opcode.</summary>
    public EigrpOpcode Opcode { get; set; }

    /// <summary>The flags.</summary>
    public EigrpFlags Flags { get; set; }

    /// <summary>The reliable-transport sequence number (0 when unreliable).</summary>
    public uint SequenceNumber { get; set; }

    /// <summary>The sequence number acknowledged (0 for none).</summary>
    public uint AcknowledgmentNumber { get; set; }

    /// <summary>Virtual router id (0: unicast address family).</summary>
    public ushort VirtualRouterId { get; set; }

    /// <summary>The autonomous system number.</summary>
    public ushort AutonomousSystem { get; set; }

    /// <summary>TLVs in order.</summary>
    public List<EigrpTlv> Tlvs { get; set; } = new();

    /// <summary>20 plus the TLVs.</summary>
    public int Length
    {
        get
        {
            int length = EigrpPacketView.HeaderLength;
            foreach (var tlv in Tlvs)
            {
                length += tlv.Length;
            }

            return length;
        }
    }

    /// <summary>An Ack: a Hello with an acknowledgment and no TLVs (RFC 7868 5.3.2).</summary>
    public bool IsAck =>
        Opcode == EigrpOpcode.Hello && AcknowledgmentNumber != 0 && Tlvs.Count == 0;

    /// <summary>The first TLV of type <typeparamref name="T"/>, or null.</summary>
    public T? Find<T>() where T : EigrpTlv
    {
        foreach (var tlv in Tlvs)
        {
            if (tlv is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Parses a packet (the IP payload), checksum verified.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> packet, out EigrpPacket? value, out WireError error)
    {
        value = null;
        if (!EigrpPacketView.TryCreate(packet, out var view, out error))
        {
            return false;
        }

        var parsed = new EigrpPacket
        {
            Opcode = view.Opcode,
            Flags = view.Flags,
            SequenceNumber = view.SequenceNumber,
            AcknowledgmentNumber = view.AcknowledgmentNumber,
            VirtualRouterId = view.VirtualRouterId,
            AutonomousSystem = view.AutonomousSystem,
        };
        var reader = view.Tlvs;
        while (reader.TryRead(out var type, out var tlvValue))
        {
            parsed.Tlvs.Add(EigrpTlv.Decode(type, tlvValue));
        }

        value = parsed;
        return true;
    }

    /// <summary>Writes the packet with its checksum; returns <see cref="Length"/>.</summary>
    public int Emit(Span<byte> destination)
    {
        int length = Length;
        _ = destination[length - 1];
        destination[0] = EigrpPacketView.Version2;
        destination[1] = (byte)Opcode;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], (uint)Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], AcknowledgmentNumber);
        BinaryPrimitives.WriteUInt16BigEndian(destination[16..], VirtualRouterId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[18..], AutonomousSystem);
        int offset = EigrpPacketView.HeaderLength;
        foreach (var tlv in Tlvs)
        {
            offset += tlv.Emit(destination[offset..]);
        }

        ushort checksum = InternetChecksum.Compute(destination[..length]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], checksum);
        return length;
    }
}

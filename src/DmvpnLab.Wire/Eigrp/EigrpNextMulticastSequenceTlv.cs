using System.Buffers.Binary;

namespace DmvpnLab.Wire.Eigrp;

// Next Multicast Sequence TLV 0x0005, RFC 7868 section 6.7.4: length 8.
//   | type 0x0005 | length 8 | sequence number of the next conditional-receive multicast |

/// <summary>The sequence number the next conditional-receive multicast will carry.</summary>
public sealed class EigrpNextMulticastSequenceTlv : EigrpTlv
{
    /// <inheritdoc/>
    public override EigrpTlvType Type => EigrpTlvType.NextMulticastSequence;

    /// <summary>The sequence number.</summary>
    public uint SequenceNumber { get; set; }

    /// <inheritdoc/>
    protected override int ValueLength => 4;

    internal static EigrpNextMulticastSequenceTlv? TryDecode(ReadOnlySpan<byte> value) =>
        value.Length != 4 ? null : new EigrpNextMulticastSequenceTlv
        {
            SequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(value),
        };

    /// <inheritdoc/>
    protected override void WriteValue(Span<byte> value) =>
        BinaryPrimitives.WriteUInt32BigEndian(value, SequenceNumber);
}

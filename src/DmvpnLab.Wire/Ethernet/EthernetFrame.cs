using System.Buffers.Binary;

namespace DmvpnLab.Wire.Ethernet;

/// <summary>
/// An Ethernet II frame (layout in <see cref="EthernetFrameView"/>) as plain values, and the
/// allocation-free header writers the forwarding path uses.
/// </summary>
public sealed class EthernetFrame
{
    /// <summary>Destination MAC address.</summary>
    public MacAddress Destination { get; set; }

    /// <summary>Source MAC address.</summary>
    public MacAddress Source { get; set; }

    /// <summary>The 802.1Q VLAN identifier, or null for an untagged frame.</summary>
    public ushort? VlanId { get; set; }

    /// <summary>802.1Q priority code point (0..7); ignored when untagged.</summary>
    public byte Priority { get; set; }

    /// <summary>802.1Q drop eligible indicator; ignored when untagged.</summary>
    public bool DropEligible { get; set; }

    /// <summary>EtherType of the payload.</summary>
    public EtherType EtherType { get; set; }

    /// <summary>The payload, padding included.</summary>
    public byte[] Payload { get; set; } = [];

    /// <summary>Header plus payload.</summary>
    public int Length => HeaderLength + Payload.Length;

    private int HeaderLength =>
        VlanId is null ? EthernetFrameView.HeaderLength : EthernetFrameView.TaggedHeaderLength;

    /// <summary>Parses a frame; the payload is copied.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> frame, out EthernetFrame? value, out WireError error)
    {
        value = null;
        if (!EthernetFrameView.TryCreate(frame, out var view, out error))
        {
            return false;
        }

        value = new EthernetFrame
        {
            Destination = view.Destination,
            Source = view.Source,
            VlanId = view.HasVlanTag ? view.VlanId : null,
            Priority = view.Priority,
            DropEligible = view.DropEligible,
            EtherType = view.EtherType,
            Payload = view.Payload.ToArray(),
        };
        return true;
    }

    /// <summary>Writes the frame; returns <see cref="Length"/>.</summary>
    public int Emit(Span<byte> destination)
    {
        int header = VlanId is { } vlan
            ? WriteHeader(destination, Destination, Source, vlan, EtherType, Priority,
                DropEligible)
            : WriteHeader(destination, Destination, Source, EtherType);
        Payload.CopyTo(destination[header..]);
        return header + Payload.Length;
    }

    /// <summary>Writes an untagged header; returns 14.</summary>
    public static int WriteHeader(
        Span<byte> frame, MacAddress destination, MacAddress source, EtherType etherType)
    {
        _ = frame[EthernetFrameView.HeaderLength - 1];
        destination.Write(frame);
        source.Write(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], (ushort)etherType);
        return EthernetFrameView.HeaderLength;
    }

    /// <summary>Writes a header with an 802.1Q tag; returns 18.</summary>
    public static int WriteHeader(
        Span<byte> frame,
        MacAddress destination,
        MacAddress source,
        ushort vlanId,
        EtherType etherType,
        byte priority = 0,
        bool dropEligible = false)
    {
        if (vlanId > 0x0FFF || priority > 7)
        {
            throw new ArgumentOutOfRangeException(nameof(vlanId), "VID is 12 bits, PCP 3 bits.");
        }

        _ = frame[EthernetFrameView.TaggedHeaderLength - 1];
        destination.Write(frame);
        source.Write(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], (ushort)EtherType.Vlan);
        int tagControl = (priority << 13) | (dropEligible ? 0x1000 : 0) | vlanId;
        BinaryPrimitives.WriteUInt16BigEndian(frame[14..], (ushort)tagControl);
        BinaryPrimitives.WriteUInt16BigEndian(frame[16..], (ushort)etherType);
        return EthernetFrameView.TaggedHeaderLength;
    }
}

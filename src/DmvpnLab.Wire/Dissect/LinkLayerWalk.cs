using System.Buffers.Binary;
using DmvpnLab.Wire.Capture;
using DmvpnLab.Wire.Ethernet;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// The first step of a frame: the capture's link layer (Ethernet with at most one 802.1Q
/// tag, Linux cooked SLL, raw IPv4, BSD loopback), then on to ARP or IPv4 by EtherType.
/// </summary>
internal static class LinkLayerWalk
{
    private const int BsdLoopbackHeaderLength = 4;
    private const uint AddressFamilyInet = 2;

    public static void Check(DissectState state, LinkType linkType, ReadOnlySpan<byte> frame)
    {
        switch (linkType)
        {
            case LinkType.Ethernet:
                CheckEthernet(state, frame);
                break;
            case LinkType.LinuxCooked:
                CheckLinuxCooked(state, frame);
                break;
            case LinkType.Null:
                CheckBsdLoopback(state, frame);
                break;
            case LinkType.Raw:
                CheckRaw(state, frame);
                break;
            case LinkType.Ipv4:
                Ipv4Walk.Check(state, frame, 0);
                break;
            default:
                state.Check.StopAtUnsupported(UnsupportedNames.ForLinkType(linkType));
                break;
        }
    }

    private static void CheckEthernet(DissectState state, ReadOnlySpan<byte> frame)
    {
        if (!EthernetFrame.TryParse(frame, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Ethernet, 0, error);
            return;
        }

        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Ethernet, 0, frame, emitted);

        EthernetFrameView.TryCreate(frame, out var view, out _);

        // A second tag (802.1ad / QinQ) is outside the codec, which reads one tag only.
        if (view.HasVlanTag && view.EtherType == EtherType.Vlan)
        {
            state.Check.StopAtUnsupported("802.1Q (second tag)");
            return;
        }

        Dispatch(state, (ushort)view.EtherType, view.Payload, view.Length);
    }

    private static void CheckLinuxCooked(DissectState state, ReadOnlySpan<byte> frame)
    {
        if (!LinuxCookedHeader.TryParse(frame, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.LinuxCooked, 0, error);
            return;
        }

        var emitted = state.Scratch(LinuxCookedHeader.Length);
        parsed!.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.LinuxCooked, 0,
            frame[..LinuxCookedHeader.Length], emitted);
        Dispatch(state, parsed.ProtocolType, frame[LinuxCookedHeader.Length..],
            LinuxCookedHeader.Length);
    }

    // LINKTYPE_NULL (0): the sender's AF_ value in its own byte order, then the packet.
    // AF_INET is 2 everywhere; the AF_INET6 values differ per BSD (24, 28, 30).
    private static void CheckBsdLoopback(DissectState state, ReadOnlySpan<byte> frame)
    {
        if (frame.Length < BsdLoopbackHeaderLength)
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.BsdLoopback, 0, WireError.Truncated);
            return;
        }

        uint little = BinaryPrimitives.ReadUInt32LittleEndian(frame);
        uint big = BinaryPrimitives.ReadUInt32BigEndian(frame);
        bool bigEndian = big < little;
        uint family = bigEndian ? big : little;
        var emitted = state.Scratch(BsdLoopbackHeaderLength);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(emitted, family);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(emitted, family);
        }

        RoundTrip.Record(state.Check, DissectProtocol.BsdLoopback, 0,
            frame[..BsdLoopbackHeaderLength], emitted);
        var payload = frame[BsdLoopbackHeaderLength..];
        switch (family)
        {
            case AddressFamilyInet:
                Ipv4Walk.Check(state, payload, BsdLoopbackHeaderLength);
                break;
            case 24 or 28 or 30:
                state.Check.StopAtUnsupported("IPv6");
                break;
            default:
                state.Check.StopAtUnsupported("address family " + family);
                break;
        }
    }

    // LINKTYPE_RAW (101): the version nibble tells IPv4 from IPv6.
    private static void CheckRaw(DissectState state, ReadOnlySpan<byte> frame)
    {
        if (frame.Length > 0 && frame[0] >> 4 == 6)
        {
            state.Check.StopAtUnsupported("IPv6");
            return;
        }

        Ipv4Walk.Check(state, frame, 0);
    }

    private static void Dispatch(DissectState state, ushort etherType,
        ReadOnlySpan<byte> payload, int offset)
    {
        switch ((EtherType)etherType)
        {
            case EtherType.Ipv4:
                Ipv4Walk.Check(state, payload, offset);
                break;
            case EtherType.Arp:
                ControlMessageChecks.CheckArp(state, payload, offset);
                break;
            default:
                state.Check.StopAtUnsupported(UnsupportedNames.ForEtherType(etherType, payload));
                break;
        }
    }
}

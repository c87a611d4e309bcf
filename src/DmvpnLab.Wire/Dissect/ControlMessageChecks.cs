using DmvpnLab.Wire.Arp;
using DmvpnLab.Wire.Eigrp;
using DmvpnLab.Wire.Esp;
using DmvpnLab.Wire.Icmp;
using DmvpnLab.Wire.Isakmp;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// The innermost layers: each is parsed with its codec, emitted again and compared; the
/// walk ends there (ICMP's quoted header, ESP's ciphertext and ISAKMP's encrypted body are
/// carried, not decoded).
/// </summary>
internal static class ControlMessageChecks
{
    private const int IsakmpVersionOffset = 17;
    private const byte IkeMajorVersion2 = 0x20;

    public static void CheckArp(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        if (!ArpPacket.TryParse(packet, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Arp, offset, error);
            return;
        }

        // Ethernet pads ARP to the 60-byte minimum; the padding belongs to the frame.
        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Arp, offset, packet[..parsed.Length],
            emitted);
    }

    public static void CheckIcmp(DissectState state, ReadOnlySpan<byte> message, int offset)
    {
        if (!IcmpMessage.TryParse(message, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Icmp, offset, error);
            return;
        }

        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Icmp, offset, message, emitted);
    }

    public static void CheckEsp(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        if (!EspHeaderView.TryCreate(packet, out var view, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Esp, offset, error);
            return;
        }

        var emitted = state.Scratch(packet.Length);
        int header = EspHeader.Write(emitted, view.Spi, view.SequenceNumber);
        view.Protected.CopyTo(emitted[header..]);
        RoundTrip.Record(state.Check, DissectProtocol.Esp, offset, packet, emitted);
    }

    public static void CheckEigrp(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        if (!EigrpPacket.TryParse(packet, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Eigrp, offset, error);
            return;
        }

        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Eigrp, offset, packet, emitted);
    }

    public static void CheckNhrp(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        if (!NhrpPacket.TryParse(packet, out var parsed, out NhrpDropReason reason, out _))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Nhrp, offset, reason.ToWireError(),
                reason);
            return;
        }

        // ar$pktsz bounds the packet; GRE may carry link padding after it.
        NhrpView.TryCreate(packet, out var view, out NhrpDropReason _);
        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Nhrp, offset, view.Bytes, emitted);
    }

    public static void CheckIsakmp(DissectState state, ReadOnlySpan<byte> message, int offset)
    {
        // IKEv2 (RFC 7296) shares the ports and the header's first bytes; its codec is not
        // part of this assembly, so it is named rather than refused.
        if (message.Length > IsakmpVersionOffset
            && (message[IsakmpVersionOffset] & 0xF0) == IkeMajorVersion2)
        {
            state.Check.StopAtUnsupported("IKEv2");
            return;
        }

        if (!IsakmpMessage.TryParse(message, out var parsed, out var error))
        {
            RoundTrip.Refuse(state.Check, DissectProtocol.Isakmp, offset, error);
            return;
        }

        IsakmpView.TryCreate(message, out var view, out _);
        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(state.Check, DissectProtocol.Isakmp, offset, view.Bytes, emitted);
    }
}

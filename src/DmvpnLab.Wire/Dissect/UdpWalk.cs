using DmvpnLab.Wire.Udp;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// A UDP datagram, then ISAKMP on port 500, and on port 4500 (RFC 3948 section 2) either
/// ISAKMP behind the 4-byte non-ESP marker, a one-byte NAT-keepalive, or ESP.
/// </summary>
internal static class UdpWalk
{
    private const ushort IsakmpPort = 500;
    private const ushort NatTraversalPort = 4500;
    private const int NonEspMarkerLength = 4;
    private const byte NatKeepalive = 0xFF;

    public static void Check(DissectState state, ReadOnlySpan<byte> datagram, int offset,
        Ipv4Address source, Ipv4Address destination)
    {
        var check = state.Check;
        if (!UdpDatagram.TryParse(datagram, source, destination, out var parsed, out var error))
        {
            RoundTrip.Refuse(check, DissectProtocol.Udp, offset, error);
            return;
        }

        UdpDatagramView.TryCreate(datagram, out var view, out _);
        var emitted = state.Scratch(parsed!.Length);

        // RFC 768: a zero checksum means the sender computed none; the datagram carries no
        // field saying so, so the emitter is told from the captured header.
        if (view.Checksum == 0)
        {
            parsed.Emit(emitted);
        }
        else
        {
            parsed.Emit(emitted, source, destination);
        }

        RoundTrip.Record(check, DissectProtocol.Udp, offset, view.Bytes, emitted);

        var payload = view.Payload;
        int payloadOffset = offset + UdpDatagramView.HeaderLength;
        if (Uses(view, IsakmpPort))
        {
            ControlMessageChecks.CheckIsakmp(state, payload, payloadOffset);
        }
        else if (Uses(view, NatTraversalPort))
        {
            CheckNatTraversal(state, payload, payloadOffset);
        }
        else
        {
            check.StopAtUnsupported(
                UnsupportedNames.ForUdpPorts(view.SourcePort, view.DestinationPort));
        }
    }

    private static void CheckNatTraversal(DissectState state, ReadOnlySpan<byte> payload,
        int offset)
    {
        if (payload.Length == 1 && payload[0] == NatKeepalive)
        {
            state.Check.StopAtUnsupported("NAT-keepalive");
            return;
        }

        bool nonEspMarker = payload.Length >= NonEspMarkerLength
            && payload[..NonEspMarkerLength].IndexOfAnyExcept((byte)0) < 0;
        if (nonEspMarker)
        {
            ControlMessageChecks.CheckIsakmp(state, payload[NonEspMarkerLength..],
                offset + NonEspMarkerLength);
            return;
        }

        ControlMessageChecks.CheckEsp(state, payload, offset);
    }

    private static bool Uses(UdpDatagramView view, ushort port) =>
        view.SourcePort == port || view.DestinationPort == port;
}

using DmvpnLab.Wire.Gre;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// A GRE header, then its payload by protocol type: NHRP (0x2001) and IPv4 (0x0800, which
/// walks on as a whole inner packet); anything else is named.
/// </summary>
internal static class GreWalk
{
    public static void Check(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        var check = state.Check;
        if (!GreHeader.TryParse(packet, out var parsed, out var error))
        {
            RoundTrip.Refuse(check, DissectProtocol.Gre, offset, error);
            return;
        }

        // The GRE checksum covers the payload, so the header is emitted in front of a copy
        // of the captured payload and the whole packet compared.
        int headerLength = parsed!.Length;
        var emitted = state.Scratch(packet.Length);
        packet[headerLength..].CopyTo(emitted[headerLength..]);
        parsed.Emit(emitted);
        RoundTrip.Record(check, DissectProtocol.Gre, offset, packet, emitted);

        var payload = packet[headerLength..];
        int payloadOffset = offset + headerLength;
        switch (parsed.ProtocolType)
        {
            case GreProtocolType.Nhrp:
                ControlMessageChecks.CheckNhrp(state, payload, payloadOffset);
                break;
            case GreProtocolType.Ipv4:
                Ipv4Walk.Check(state, payload, payloadOffset);
                break;
            default:
                check.StopAtUnsupported(
                    UnsupportedNames.ForEtherType((ushort)parsed.ProtocolType, payload));
                break;
        }
    }
}

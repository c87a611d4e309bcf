using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// An IPv4 header (the outer one, or one carried in GRE), then its payload by protocol
/// number: ICMP, UDP, GRE, ESP and EIGRP have codecs; fragments and other protocols are
/// named and left alone.
/// </summary>
internal static class Ipv4Walk
{
    // IP protocol 54 (NARP, RFC 1735): NHRP sent straight over IP rather than in GRE;
    // Wireshark decodes it as NHRP, and so do we.
    private const IpProtocol NbmaArp = (IpProtocol)54;

    public static void Check(DissectState state, ReadOnlySpan<byte> packet, int offset)
    {
        var check = state.Check;
        if (!check.HasRoom)
        {
            check.StopAtUnsupported("nesting deeper than " + FrameCheck.MaximumDepth);
            return;
        }

        if (!Ipv4Header.TryParse(packet, out var parsed, out var error))
        {
            RoundTrip.Refuse(check, DissectProtocol.Ipv4, offset, error);

            // A header that only fails its checksum still delimits its payload; like
            // Wireshark, the walk goes on so the inner layers are checked too.
            if (error == WireError.BadChecksum && TryBound(packet, out var bounded))
            {
                CheckPayload(state, bounded, offset);
            }

            return;
        }

        Ipv4HeaderView.TryCreate(packet, out var view, out _);
        var emitted = state.Scratch(parsed!.Length);
        parsed.Emit(emitted);
        RoundTrip.Record(check, DissectProtocol.Ipv4, offset, view.Header, emitted);
        CheckPayload(state, view, offset);
    }

    private static void CheckPayload(DissectState state, Ipv4HeaderView view, int offset)
    {
        var check = state.Check;

        // A fragment's payload is part of a datagram that only reassembly gives whole.
        if (view.IsFragment)
        {
            check.StopAtUnsupported("IPv4 fragment");
            return;
        }

        var payload = view.Payload;
        int payloadOffset = offset + view.HeaderLength;
        switch (view.Protocol)
        {
            case IpProtocol.Icmp:
                ControlMessageChecks.CheckIcmp(state, payload, payloadOffset);
                break;
            case IpProtocol.Udp:
                UdpWalk.Check(state, payload, payloadOffset, view.Source, view.Destination);
                break;
            case IpProtocol.Gre:
                GreWalk.Check(state, payload, payloadOffset);
                break;
            case IpProtocol.Esp:
                ControlMessageChecks.CheckEsp(state, payload, payloadOffset);
                break;
            case IpProtocol.Eigrp:
                ControlMessageChecks.CheckEigrp(state, payload, payloadOffset);
                break;
            case NbmaArp:
                ControlMessageChecks.CheckNhrp(state, payload, payloadOffset);
                break;
            default:
                check.StopAtUnsupported(UnsupportedNames.ForIpProtocol((byte)view.Protocol));
                break;
        }
    }

    private static bool TryBound(ReadOnlySpan<byte> packet, out Ipv4HeaderView view)
    {
        if (!Ipv4HeaderView.TryCreateHeaderOnly(packet, out var header, out _)
            || header.TotalLength < header.HeaderLength || header.TotalLength > packet.Length)
        {
            view = default;
            return false;
        }

        return Ipv4HeaderView.TryCreateHeaderOnly(packet[..header.TotalLength], out view, out _);
    }
}

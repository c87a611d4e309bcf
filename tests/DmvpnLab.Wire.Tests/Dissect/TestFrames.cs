using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Udp;

namespace DmvpnLab.Wire.Tests.Dissect;

/// <summary>Builds frames around a payload with the codecs' own writers.</summary>
internal static class TestFrames
{
    public static readonly Ipv4Address Source = Ipv4Address.Parse("10.10.10.5");
    public static readonly Ipv4Address Destination = Ipv4Address.Parse("10.10.10.1");

    private static readonly MacAddress SourceMac = MacAddress.Parse("aa:bb:cc:00:01:00");
    private static readonly MacAddress DestinationMac = MacAddress.Parse("aa:bb:cc:00:02:00");

    public static byte[] Ethernet(EtherType etherType, byte[] payload)
    {
        var frame = new byte[EthernetFrameView.HeaderLength + payload.Length];
        EthernetFrame.WriteHeader(frame, DestinationMac, SourceMac, etherType);
        payload.CopyTo(frame, EthernetFrameView.HeaderLength);
        return frame;
    }

    public static byte[] Ipv4(IpProtocol protocol, byte[] payload)
    {
        var packet = new byte[Ipv4HeaderView.MinimumHeaderLength + payload.Length];
        Ipv4Header.WriteHeader(packet, Source, Destination, protocol, 255, 0xC0, 7, false,
            payload.Length);
        payload.CopyTo(packet, Ipv4HeaderView.MinimumHeaderLength);
        return packet;
    }

    public static byte[] Gre(GreProtocolType protocolType, byte[] payload, uint? key = null)
    {
        int header = key is null ? 4 : 8;
        var packet = new byte[header + payload.Length];
        GreHeader.Write(packet, protocolType, key);
        payload.CopyTo(packet, header);
        return packet;
    }

    public static byte[] Udp(ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var datagram = new UdpDatagram
        {
            SourcePort = sourcePort, DestinationPort = destinationPort, Payload = payload,
        };
        var bytes = new byte[datagram.Length];
        datagram.Emit(bytes, Source, Destination);
        return bytes;
    }

    public static byte[] EthernetIpv4(IpProtocol protocol, byte[] payload) =>
        Ethernet(EtherType.Ipv4, Ipv4(protocol, payload));
}

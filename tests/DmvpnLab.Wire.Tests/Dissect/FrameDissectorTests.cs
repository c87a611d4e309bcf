using System.Buffers.Binary;
using DmvpnLab.Wire.Capture;
using DmvpnLab.Wire.Dissect;
using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Tests.Dissect;

public class FrameDissectorTests
{
    private readonly FrameDissector dissector = new();

    [Fact]
    public void RealNhrpRegistration_TaggedGreWithKey_EveryLayerRoundTrips()
    {
        var check = dissector.Check(LinkType.Ethernet, RefData.Frame("NHRP_registration.pcap", 1));

        Assert.Equal(
            [DissectProtocol.Ethernet, DissectProtocol.Ipv4, DissectProtocol.Gre,
                DissectProtocol.Nhrp],
            Protocols(check));
        Assert.All(check.Layers.ToArray(), l => Assert.Equal(LayerOutcome.RoundTrip, l.Outcome));
        Assert.Null(check.NotSupported);
        Assert.Equal(18, check.Layers[1].Offset);
    }

    [Fact]
    public void RealIsakmpMainMode_UdpAndIsakmpRoundTrip()
    {
        var check = dissector.Check(LinkType.Ethernet, RefData.Frame("ISAKMP_sa_setup.pcap", 1));

        Assert.Equal(DissectProtocol.Isakmp, check.Layers[^1].Protocol);
        Assert.False(check.HasDifference);
        Assert.Null(check.Refused);
    }

    [Fact]
    public void NhrpWithExtensionOffsetAtPacketEnd_DecodesButDiffersFromTheChecksumOn()
    {
        // RFC 2332 5.1 has ar$extoff zero without extensions; a sender pointing it at the
        // end is accepted, and the codec writes 0 back (its README says so).
        byte[] nhrp = MinimalRegistrationRequest();
        BinaryPrimitives.WriteUInt16BigEndian(nhrp.AsSpan(14), (ushort)nhrp.Length);
        nhrp = NhrpWithChecksum(nhrp);
        byte[] frame = TestFrames.EthernetIpv4(IpProtocol.Gre,
            TestFrames.Gre(GreProtocolType.Nhrp, nhrp));

        var check = dissector.Check(LinkType.Ethernet, frame);

        var layer = check.Layers[^1];
        Assert.Equal(DissectProtocol.Nhrp, layer.Protocol);
        Assert.Equal(LayerOutcome.Differs, layer.Outcome);
        // The checksum (offsets 12-13) covers ar$extoff, so it is the first field to differ.
        Assert.InRange(layer.FrameDifferenceOffset, 14 + 20 + 4 + 12, 14 + 20 + 4 + 13);
        Assert.Equal("ar$chksum",
            FieldNames.At(DissectProtocol.Nhrp, frame.AsSpan(layer.Offset),
                layer.DifferenceOffset));
        Assert.True(check.HasDifference);
    }

    [Fact]
    public void NhrpCutShort_RefusedWithPacketSizeExceedsBuffer()
    {
        byte[] nhrp = MinimalRegistrationRequest()[..24];
        byte[] frame = TestFrames.EthernetIpv4(IpProtocol.Gre,
            TestFrames.Gre(GreProtocolType.Nhrp, nhrp, key: 100000));

        var refused = dissector.Check(LinkType.Ethernet, frame).Refused;

        Assert.NotNull(refused);
        Assert.Equal(DissectProtocol.Nhrp, refused.Value.Protocol);
        Assert.Equal(NhrpDropReason.PacketSizeExceedsBuffer, refused.Value.NhrpReason);
        Assert.Equal("PacketSizeExceedsBuffer", refused.Value.Reason);
    }

    [Fact]
    public void GreVersionOne_RefusedWithBadVersion()
    {
        byte[] gre = TestFrames.Gre(GreProtocolType.Ipv4, new byte[20]);
        gre[1] = 0x01;

        var refused = dissector.Check(LinkType.Ethernet,
            TestFrames.EthernetIpv4(IpProtocol.Gre, gre)).Refused;

        Assert.Equal(DissectProtocol.Gre, refused!.Value.Protocol);
        Assert.Equal(WireError.BadVersion, refused.Value.Error);
    }

    [Fact]
    public void BadIpv4Checksum_RefusedAndWalkGoesOnToThePayload()
    {
        byte[] frame = TestFrames.EthernetIpv4(IpProtocol.Gre,
            TestFrames.Gre(GreProtocolType.Nhrp, MinimalRegistrationRequest()));
        frame[14 + 10] ^= 0xFF;

        var check = dissector.Check(LinkType.Ethernet, frame);

        Assert.Equal(LayerOutcome.Undecodable, check.Layers[1].Outcome);
        Assert.Equal(WireError.BadChecksum, check.Layers[1].Error);
        Assert.Equal(LayerOutcome.RoundTrip, check.Layers[^1].Outcome);
        Assert.Equal(DissectProtocol.Nhrp, check.Layers[^1].Protocol);
    }

    [Fact]
    public void GreInsideGre_InnerIpv4AndIcmpChecked()
    {
        byte[] echo = [8, 0, 0xF7, 0xFE, 0, 1, 0, 0];
        byte[] inner = TestFrames.Ipv4(IpProtocol.Icmp, echo);
        byte[] frame = TestFrames.EthernetIpv4(IpProtocol.Gre,
            TestFrames.Gre(GreProtocolType.Ipv4, inner));

        var check = dissector.Check(LinkType.Ethernet, frame);

        Assert.Equal(
            [DissectProtocol.Ethernet, DissectProtocol.Ipv4, DissectProtocol.Gre,
                DissectProtocol.Ipv4, DissectProtocol.Icmp],
            Protocols(check));
        Assert.False(check.HasDifference);
        Assert.Null(check.Refused);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0 }, DissectProtocol.Isakmp)]
    [InlineData(new byte[] { 0x12, 0x34, 0x56, 0x78 }, DissectProtocol.Esp)]
    public void UdpPort4500_NonEspMarkerTellsIsakmpFromEsp(byte[] start, DissectProtocol last)
    {
        byte[] isakmp = RefData.Frame("ISAKMP_sa_setup.pcap", 1)[(14 + 20 + 8)..];
        byte[] payload = last == DissectProtocol.Isakmp
            ? [.. start, .. isakmp]
            : [.. start, 0, 0, 0, 1, .. new byte[24]];

        var check = dissector.Check(LinkType.Ethernet,
            TestFrames.EthernetIpv4(IpProtocol.Udp, TestFrames.Udp(4500, 4500, payload)));

        Assert.Equal(last, check.Layers[^1].Protocol);
        Assert.Equal(LayerOutcome.RoundTrip, check.Layers[^1].Outcome);
        int expectedOffset = 14 + 20 + 8 + (last == DissectProtocol.Isakmp ? 4 : 0);
        Assert.Equal(expectedOffset, check.Layers[^1].Offset);
    }

    [Fact]
    public void NatKeepalive_NamedNotSupported()
    {
        var check = dissector.Check(LinkType.Ethernet,
            TestFrames.EthernetIpv4(IpProtocol.Udp, TestFrames.Udp(4500, 4500, [0xFF])));

        Assert.Equal("NAT-keepalive", check.NotSupported);
    }

    [Fact]
    public void IkeV2OnPort500_NamedNotSupported()
    {
        byte[] isakmp = RefData.Frame("ISAKMP_sa_setup.pcap", 1)[(14 + 20 + 8)..];
        isakmp[17] = 0x20;

        var check = dissector.Check(LinkType.Ethernet,
            TestFrames.EthernetIpv4(IpProtocol.Udp, TestFrames.Udp(500, 500, isakmp)));

        Assert.Equal("IKEv2", check.NotSupported);
        Assert.Equal(DissectProtocol.Udp, check.Layers[^1].Protocol);
    }

    [Theory]
    [InlineData(0x86DD, "IPv6")]
    [InlineData(0x9000, "Loopback")]
    [InlineData(0x1234, "EtherType 0x1234")]
    public void OtherEtherTypes_NamedNotSupported(int etherType, string name)
    {
        var check = dissector.Check(LinkType.Ethernet,
            TestFrames.Ethernet((EtherType)etherType, new byte[46]));

        Assert.Equal(name, check.NotSupported);
        Assert.Equal(LayerOutcome.RoundTrip, Assert.Single(check.Layers.ToArray()).Outcome);
    }

    [Fact]
    public void Tcp_NamedNotSupportedAfterIpv4()
    {
        var check = dissector.Check(LinkType.Ethernet,
            TestFrames.EthernetIpv4(IpProtocol.Tcp, new byte[20]));

        Assert.Equal("TCP", check.NotSupported);
    }

    [Fact]
    public void LinuxCookedFrame_HeaderAndArpRoundTrip()
    {
        byte[] arp = RefData.Frame("various_gre.pcap", 1).Length > 0
            ? ArpRequest()
            : [];
        byte[] frame = new byte[16 + arp.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 4);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6);
        frame[6] = 0xAA;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), 0x0806);
        arp.CopyTo(frame, 16);

        var check = dissector.Check(LinkType.LinuxCooked, frame);

        Assert.Equal([DissectProtocol.LinuxCooked, DissectProtocol.Arp], Protocols(check));
        Assert.False(check.HasDifference);
    }

    [Theory]
    [InlineData(LinkType.Raw)]
    [InlineData(LinkType.Ipv4)]
    public void RawIpv4_StartsAtTheIpHeader(LinkType linkType)
    {
        byte[] packet = TestFrames.Ipv4(IpProtocol.Esp, [0, 0, 1, 0, 0, 0, 0, 1, 9, 9]);

        var check = dissector.Check(linkType, packet);

        Assert.Equal([DissectProtocol.Ipv4, DissectProtocol.Esp], Protocols(check));
        Assert.Equal(20, check.Layers[1].Offset);
    }

    [Fact]
    public void RawLinkWithIpv6_NamedNotSupported()
    {
        byte[] packet = new byte[40];
        packet[0] = 0x60;

        Assert.Equal("IPv6", dissector.Check(LinkType.Raw, packet).NotSupported);
    }

    [Fact]
    public void EveryPrefixAndBitFlipOfRealFrames_NeverThrows()
    {
        string[] files = ["NHRP_registration.pcap", "ISAKMP_sa_setup.pcap", "espudp1.pcap",
            "EIGRP_adjacency.pcap"];
        foreach (string file in files)
        {
            byte[] frame = RefData.Frame(file, 1);
            for (int length = 0; length <= frame.Length; length++)
            {
                dissector.Check(LinkType.Ethernet, frame.AsSpan(0, length));
            }

            for (int bit = 0; bit < frame.Length * 8; bit++)
            {
                byte[] flipped = (byte[])frame.Clone();
                flipped[bit / 8] ^= (byte)(1 << (bit % 8));
                dissector.Check(LinkType.Ethernet, flipped);
            }
        }
    }

    private static DissectProtocol[] Protocols(FrameCheck check) =>
        check.Layers.ToArray().Select(l => l.Protocol).ToArray();

    private static byte[] ArpRequest()
    {
        var arp = new byte[28];
        Wire.Arp.ArpPacket.Write(arp, Wire.Arp.ArpOperation.Request,
            MacAddress.Parse("aa:bb:cc:00:01:00"), TestFrames.Source, default,
            TestFrames.Destination);
        return arp;
    }

    private static byte[] MinimalRegistrationRequest()
    {
        var packet = new NhrpPacket
        {
            Type = NhrpPacketType.RegistrationRequest,
            Mandatory = new NhrpMandatoryPart
            {
                RequestId = 1,
                SourceNbmaAddress = NhrpAddress.FromIpv4(TestFrames.Source),
                SourceProtocolAddress = [172, 16, 1, 2],
                DestinationProtocolAddress = [172, 16, 1, 1],
            },
        };
        var bytes = new byte[packet.Length];
        packet.Emit(bytes);
        return bytes;
    }

    private static byte[] NhrpWithChecksum(byte[] packet)
    {
        packet[12] = 0;
        packet[13] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(12), InternetChecksum.Compute(packet));
        return packet;
    }
}

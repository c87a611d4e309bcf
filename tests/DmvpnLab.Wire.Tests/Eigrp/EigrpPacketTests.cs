using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Wire.Tests.Eigrp;

public class EigrpPacketTests
{
    private const string Adjacency = "EIGRP_adjacency.pcap";

    // Frame 18: Hello from 10.0.0.2 with Parameters, Software Version, Sequence, Next
    // Multicast Sequence. Frame 15: Update with End-of-Table, seq 24, ack 23, four internal
    // routes. Frame 17: an Ack.
    private static byte[] Packet(string file, int number) =>
        Layers.Ipv4Payload(RefData.Frame(file, number));

    [Fact]
    public void HelloWithSequence_Parse_FieldsMatchTshark()
    {
        Assert.True(EigrpPacket.TryParse(Packet(Adjacency, 18), out var hello, out var error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(EigrpOpcode.Hello, hello!.Opcode);
        Assert.Equal(EigrpFlags.None, hello.Flags);
        Assert.Equal(0, hello.VirtualRouterId);
        Assert.Equal(100, hello.AutonomousSystem);
        Assert.False(hello.IsAck);
        Assert.Equal(4, hello.Tlvs.Count);

        var parameters = Assert.IsType<EigrpParametersTlv>(hello.Tlvs[0]);
        Assert.Equal((1, 0, 1, 0, 0, 0), (parameters.K1, parameters.K2, parameters.K3,
            parameters.K4, parameters.K5, parameters.K6));
        Assert.Equal(15, parameters.HoldTimeSeconds);
        Assert.False(parameters.IsPeerTermination);

        var version = Assert.IsType<EigrpSoftwareVersionTlv>(hello.Tlvs[1]);
        Assert.Equal((12, 4, 1, 2), (version.ReleaseMajor, version.ReleaseMinor,
            version.TlvVersionMajor, version.TlvVersionMinor));

        var sequence = Assert.IsType<EigrpSequenceTlv>(hello.Tlvs[2]);
        Assert.Equal("10.0.0.1", Assert.Single(sequence.Addresses).ToString());
        Assert.Equal(9, sequence.Length);

        var next = Assert.IsType<EigrpNextMulticastSequenceTlv>(hello.Tlvs[3]);
        Assert.Equal(25u, next.SequenceNumber);
    }

    [Fact]
    public void UpdateWithRoutes_Parse_FieldsMatchTshark()
    {
        Assert.True(EigrpPacketView.TryCreate(Packet(Adjacency, 15), out var view, out _));
        Assert.Equal(EigrpFlags.EndOfTable, view.Flags);
        Assert.Equal(24u, view.SequenceNumber);
        Assert.Equal(23u, view.AcknowledgmentNumber);
        Assert.Equal(0x24b9, view.Checksum);

        Assert.True(EigrpPacket.TryParse(Packet(Adjacency, 15), out var update, out _));
        var first = Assert.IsType<EigrpInternalRouteTlv>(update!.Tlvs[0]);
        Assert.Equal(28, first.Length);
        Assert.Equal(Ipv4Address.Any, first.NextHop);
        Assert.Equal("192.168.1.0", first.Destination.ToString());
        Assert.Equal(24, first.PrefixLength);
        Assert.Equal(new EigrpClassicMetric(2560, 25600, 1500, 0, 255, 1, 0,
            EigrpRouteFlags.None), first.Metric);

        var second = Assert.IsType<EigrpInternalRouteTlv>(update.Tlvs[1]);
        Assert.Equal(29, second.Length);
        Assert.Equal("10.0.0.4", second.Destination.ToString());
        Assert.Equal(30, second.PrefixLength);
        Assert.Equal(25600u, second.Metric.Delay);
        Assert.Equal(256000u, second.Metric.Bandwidth);
    }

    [Fact]
    public void Ack_View_IsAck()
    {
        Assert.True(EigrpPacketView.TryCreate(Packet(Adjacency, 17), out var view, out _));

        Assert.True(view.IsAck);
        Assert.Equal(20, view.Bytes.Length);
    }

    [Fact]
    public void Goodbye_Parse_PeerTermination()
    {
        // EIGRP_goodbye.pcap frame 9: 10.0.0.2 says goodbye with K1..K5 = 255.
        Assert.True(EigrpPacket.TryParse(Packet("EIGRP_goodbye.pcap", 9), out var goodbye, out _));

        Assert.True(goodbye!.Find<EigrpParametersTlv>()!.IsPeerTermination);
        Assert.True(EigrpPacket.TryParse(Packet("EIGRP_goodbye.pcap", 8), out var hello, out _));
        Assert.False(hello!.Find<EigrpParametersTlv>()!.IsPeerTermination);
    }

    [Theory]
    [InlineData(Adjacency)]
    [InlineData("EIGRP_goodbye.pcap")]
    [InlineData("EIGRP_subnet_up.pcap")]
    public void EveryRealPacket_ParseEmit_SameBytesAndTypedTlvs(string file)
    {
        foreach (var record in RefData.Records(file))
        {
            byte[] packet = Layers.Ipv4Payload(record.Data);

            Assert.True(EigrpPacket.TryParse(packet, out var eigrp, out var error), $"{error}");
            var buffer = new byte[eigrp!.Length];
            eigrp.Emit(buffer);

            Assert.Equal(Hex.Of(packet), Hex.Of(buffer));
            Assert.DoesNotContain(eigrp.Tlvs, tlv => tlv is EigrpRawTlv);
        }
    }

    [Fact]
    public void HelloFromScratch_Emit_SameBytesAsIosHello()
    {
        // Frame 1 is a plain Hello of 10.0.0.1: Parameters and Software Version only.
        byte[] real = Packet(Adjacency, 1);
        var hello = new EigrpPacket
        {
            Opcode = EigrpOpcode.Hello,
            AutonomousSystem = 100,
            Tlvs =
            {
                new EigrpParametersTlv(),
                new EigrpSoftwareVersionTlv
                {
                    ReleaseMajor = 12, ReleaseMinor = 4, TlvVersionMajor = 1, TlvVersionMinor = 2,
                },
            },
        };
        var buffer = new byte[hello.Length];

        Assert.Equal(40, hello.Emit(buffer));
        Assert.Equal(Hex.Of(real), Hex.Of(buffer));
    }

    [Fact]
    public void ExternalAndDefaultRoutes_FromScratch_RoundTripTyped()
    {
        var metric = new EigrpClassicMetric(2560, 25600, 1500, 1, 255, 1, 0, EigrpRouteFlags.None);
        var update = new EigrpPacket
        {
            Opcode = EigrpOpcode.Update,
            Flags = EigrpFlags.Init,
            SequenceNumber = 1,
            AutonomousSystem = 1,
            Tlvs =
            {
                new EigrpExternalRouteTlv
                {
                    OriginatingRouter = Ipv4Address.Parse("1.1.1.1"),
                    OriginatingAutonomousSystem = 0,
                    ExternalProtocol = 6,
                    ExternalFlags = 2,
                    Metric = metric,
                    Destination = Ipv4Address.Any,
                    PrefixLength = 0,
                },
                new EigrpInternalRouteTlv
                {
                    Metric = metric,
                    Destination = Ipv4Address.Parse("10.255.0.0"),
                    PrefixLength = 16,
                },
            },
        };
        var buffer = new byte[update.Length];
        update.Emit(buffer);

        Assert.Equal(20 + 45 + 27, buffer.Length);
        Assert.True(EigrpPacket.TryParse(buffer, out var parsed, out var error), $"{error}");
        var external = Assert.IsType<EigrpExternalRouteTlv>(parsed!.Tlvs[0]);
        Assert.Equal("1.1.1.1", external.OriginatingRouter.ToString());
        Assert.Equal(6, external.ExternalProtocol);
        Assert.Equal(metric, external.Metric);
        var route = Assert.IsType<EigrpInternalRouteTlv>(parsed.Tlvs[1]);
        Assert.Equal("10.255.0.0", route.Destination.ToString());
    }

    [Fact]
    public void DefaultRouteWithOneOctet_Parse_TypedAndSameBytes()
    {
        // IOS sends 0.0.0.0/0 with one zero destination octet; that must survive unchanged.
        byte[] value = Hex.Bytes("00000000 00000a00 00006400 0005dc00 ff010000 00 00");
        var tlv = EigrpTlv.Decode(EigrpTlvType.Ipv4Internal, value);

        var route = Assert.IsType<EigrpInternalRouteTlv>(tlv);
        Assert.Equal(0, route.PrefixLength);
        Assert.Equal(4 + value.Length, route.Length);
    }

    [Fact]
    public void UnknownTlv_ParseEmit_PreservedRaw()
    {
        var packet = new EigrpPacket
        {
            Opcode = EigrpOpcode.Hello,
            AutonomousSystem = 7,
            Tlvs = { new EigrpRawTlv((EigrpTlvType)0x00F1, [1, 2, 3]), new EigrpParametersTlv() },
        };
        var buffer = new byte[packet.Length];
        packet.Emit(buffer);

        Assert.True(EigrpPacket.TryParse(buffer, out var parsed, out _));
        var raw = Assert.IsType<EigrpRawTlv>(parsed!.Tlvs[0]);
        Assert.Equal((EigrpTlvType)0x00F1, raw.Type);
        var again = new byte[parsed.Length];
        parsed.Emit(again);
        Assert.Equal(Hex.Of(buffer), Hex.Of(again));
    }

    [Fact]
    public void FlippedChecksum_View_BadChecksum()
    {
        byte[] packet = Packet(Adjacency, 18);
        packet[3] ^= 0x01;

        Assert.False(EigrpPacketView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadChecksum, error);
    }

    [Fact]
    public void Version1_View_BadVersion()
    {
        byte[] packet = Packet(Adjacency, 18);
        packet[0] = 1;

        Assert.False(EigrpPacketView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadVersion, error);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(200)]
    public void TlvLengthOutOfRange_View_BadLength(int length)
    {
        byte[] packet = Packet(Adjacency, 18);
        packet[22] = (byte)(length >> 8);
        packet[23] = (byte)length;
        FixChecksum(packet);

        Assert.False(EigrpPacketView.TryCreate(packet, out _, out var error));
        Assert.Equal(WireError.BadLength, error);
    }

    [Fact]
    public void RealPackets_EveryTruncationAndBitFlip_NeverThrows()
    {
        byte[] hello = Packet(Adjacency, 18);
        byte[] update = Packet(Adjacency, 15);

        Robustness.EveryTruncation(hello, hello.Length, Parse);
        Robustness.EveryTruncation(update, update.Length, Parse);
        Robustness.EveryBitFlip(hello, Parse);
        Robustness.EveryBitFlip(update, Parse);
        Robustness.EveryBitFlip(update, ParseWithChecksumFixed);
    }

    private static bool Parse(byte[] bytes, out WireError error) =>
        EigrpPacket.TryParse(bytes, out _, out error);

    // Past the checksum, so the flip reaches the TLV decoders.
    private static bool ParseWithChecksumFixed(byte[] bytes, out WireError error)
    {
        FixChecksum(bytes);
        bool ok = EigrpPacket.TryParse(bytes, out var packet, out error);
        if (ok)
        {
            var again = new byte[packet!.Length];
            packet.Emit(again);
            Assert.Equal(Hex.Of(bytes), Hex.Of(again));
        }

        return ok;
    }

    private static void FixChecksum(byte[] packet)
    {
        if (packet.Length < 4)
        {
            return;
        }

        packet[2] = 0;
        packet[3] = 0;
        ushort checksum = InternetChecksum.Compute(packet);
        packet[2] = (byte)(checksum >> 8);
        packet[3] = (byte)checksum;
    }
}

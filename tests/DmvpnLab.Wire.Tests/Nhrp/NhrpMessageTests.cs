using System.Buffers.Binary;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>
/// Messages the captures lack, built the way IOS builds them, then emitted and parsed back.
/// </summary>
public class NhrpMessageTests
{
    [Fact]
    public void RegistrationRequest_BuiltLikeIos_EqualsCapturedBytes()
    {
        var packet = RegistrationRequest();

        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.Equal(Hex.Of(NhrpSamples.Registration(1)), Hex.Of(bytes));
    }

    [Fact]
    public void ResolutionRequest_EmitParse_FlagsAndCieSurvive()
    {
        var packet = Ipv4(NhrpPacketType.ResolutionRequest, "192.0.2.2", "10.0.0.2", "10.0.0.3");
        packet.Mandatory.ResolutionFlags = NhrpResolutionFlags.Router
            | NhrpResolutionFlags.Authoritative | NhrpResolutionFlags.SourceStable
            | NhrpResolutionFlags.CiscoNat;
        packet.Mandatory.RequestId = 7;
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32, Mtu = 1514, HoldingTime = 7200,
        });
        AddIosExtensions(packet);

        var parsed = RoundTrip(packet);

        Assert.Equal(0xC802, parsed.Mandatory.Flags);
        Assert.Equal(1514, parsed.ClientInformationEntries[0].Mtu);
    }

    [Fact]
    public void ResolutionReply_WithAddressesInCie_RoundTrips()
    {
        var packet = Ipv4(NhrpPacketType.ResolutionReply, "192.0.2.2", "10.0.0.2", "10.0.0.3");
        packet.Mandatory.Flags = 0xF802;
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32, Mtu = 1514, HoldingTime = 7200,
            ClientNbmaAddress = NhrpSamples.Ip("192.0.2.3"),
            ClientProtocolAddress = NhrpSamples.Ip("10.0.0.3"),
        });
        AddIosExtensions(packet);

        var parsed = RoundTrip(packet);

        Assert.True(parsed.Mandatory.ResolutionFlags.HasFlag(NhrpResolutionFlags.Unique));
        Assert.Equal(NhrpSamples.Ip("192.0.2.3"),
            parsed.ClientInformationEntries[0].ClientNbmaAddress);
    }

    [Fact]
    public void PurgeRequest_NoReplyFlag_RoundTrips()
    {
        var packet = Ipv4(NhrpPacketType.PurgeRequest, "192.0.2.1", "10.0.0.1", "10.0.0.2");
        packet.Mandatory.PurgeFlags = NhrpPurgeFlags.NoReply;
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32, ClientProtocolAddress = NhrpSamples.Ip("10.0.0.9"),
        });
        packet.Extensions.Add(NhrpExtension.End());

        var parsed = RoundTrip(packet);

        Assert.Equal(NhrpPacketType.PurgeRequest, parsed.Type);
        Assert.Equal(NhrpPurgeFlags.NoReply, parsed.Mandatory.PurgeFlags);
    }

    [Fact]
    public void ErrorIndication_CodeOffsetAndEnclosedPacket_RoundTrip()
    {
        byte[] offending = NhrpSamples.Registration(1);
        var packet = Ipv4(NhrpPacketType.ErrorIndication, "169.254.100.5", "155.1.0.5",
            "155.1.0.1");
        packet.Mandatory.ErrorCode = NhrpErrorCode.UnrecognizedExtension;
        packet.Mandatory.ErrorOffset = 80;
        packet.Mandatory.EnclosedPacket = offending;

        var bytes = new byte[packet.Length];
        packet.Emit(bytes);
        var parsed = RoundTrip(packet);

        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(22)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(24)));
        Assert.Equal(80, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(26)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(14)));
        Assert.Equal(NhrpErrorCode.UnrecognizedExtension, parsed.Mandatory.ErrorCode);
        Assert.Equal(80, parsed.Mandatory.ErrorOffset);
        Assert.Equal(offending, parsed.Mandatory.EnclosedPacket);
        Assert.Empty(parsed.ClientInformationEntries);
        Assert.True(NhrpView.TryCreate(bytes, out var view, out WireError _));
        Assert.Equal(NhrpErrorCode.UnrecognizedExtension, view.ErrorCode);
    }

    [Fact]
    public void TrafficIndication_CiscoLayout_ExtensionOffset68()
    {
        // An original ICMP echo 10.1.1.10 -> 10.2.2.10: IP header and 8 payload bytes.
        byte[] original = Hex.Bytes(
            "4500 0054 0001 0000 fe01 0000 0a01 010a 0a02 020a 0800 0000 0001 0001");
        var packet = Ipv4(NhrpPacketType.TrafficIndication, "192.0.2.1", "10.0.0.1",
            "10.1.1.10");
        packet.Mandatory.EnclosedPacket = original;
        packet.Extensions.Add(NhrpAuthenticationExtension.Cisco("cisco"u8));
        packet.Extensions.Add(NhrpExtension.End());

        var bytes = new byte[packet.Length];
        packet.Emit(bytes);
        var parsed = RoundTrip(packet);

        Assert.Equal(68, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(14)));
        Assert.True(bytes.AsSpan(22, 6).SequenceEqual(new byte[6]));
        Assert.Equal(NhrpPacketType.TrafficIndication, parsed.Type);
        Assert.Equal(original, parsed.Mandatory.EnclosedPacket);
        Assert.Equal("cisco"u8.ToArray(),
            ((NhrpAuthenticationExtension)parsed.Extensions[0]).Password);
    }

    [Fact]
    public void UnknownPacketType_MandatoryTailKeptRaw()
    {
        var packet = Ipv4((NhrpPacketType)42, "192.0.2.1", "10.0.0.1", "10.0.0.2");
        packet.Mandatory.Flags = 0xABCD;
        packet.Mandatory.EnclosedPacket = [1, 2, 3];

        var parsed = RoundTrip(packet);

        Assert.Equal([1, 2, 3], parsed.Mandatory.EnclosedPacket);
    }

    [Fact]
    public void NoExtensions_ExtensionOffsetZero()
    {
        var packet = Ipv4(NhrpPacketType.PurgeReply, "192.0.2.1", "10.0.0.1", "10.0.0.2");

        var bytes = new byte[packet.Length];
        packet.Emit(bytes);

        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(14)));
        RoundTrip(packet);
    }

    [Fact]
    public void Emit_IntoShortSpan_Throws()
    {
        var packet = RegistrationRequest();

        Assert.Throws<ArgumentException>(() => packet.Emit(new byte[packet.Length - 1]));
    }

    /// <summary>The first request of NHRP_registration.pcap, built field by field.</summary>
    internal static NhrpPacket RegistrationRequest()
    {
        var packet = Ipv4(NhrpPacketType.RegistrationRequest, "169.254.100.1", "155.1.0.1",
            "155.1.0.5");
        packet.Mandatory.RegistrationFlags =
            NhrpRegistrationFlags.Unique | NhrpRegistrationFlags.CiscoNat;
        packet.Mandatory.RequestId = 1;
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32, Mtu = 17912, HoldingTime = 7200,
        });
        packet.Extensions.Add(NhrpCieListExtension.ResponderAddress());
        packet.Extensions.Add(NhrpCieListExtension.ForwardTransitNhsRecord());
        packet.Extensions.Add(NhrpCieListExtension.ReverseTransitNhsRecord());
        packet.Extensions.Add(NhrpAuthenticationExtension.Cisco("NHRPAUTH"u8));
        packet.Extensions.Add(NhrpCieListExtension.CiscoNatAddress(new NhrpClientInformationEntry
        {
            PrefixLength = 32, Mtu = 17912, HoldingTime = 0,
            ClientNbmaAddress = NhrpSamples.Ip("169.254.100.5"),
            ClientProtocolAddress = NhrpSamples.Ip("155.1.0.5"),
        }));
        packet.Extensions.Add(NhrpExtension.End());
        return packet;
    }

    private static NhrpPacket Ipv4(
        NhrpPacketType type, string sourceNbma, string sourceProtocol, string destination) =>
        new()
        {
            Type = type,
            Mandatory = new NhrpMandatoryPart
            {
                SourceNbmaAddress = NhrpSamples.Ip(sourceNbma),
                SourceProtocolAddress = NhrpSamples.Ip(sourceProtocol),
                DestinationProtocolAddress = NhrpSamples.Ip(destination),
            },
        };

    private static void AddIosExtensions(NhrpPacket packet)
    {
        packet.Extensions.Add(NhrpCieListExtension.ResponderAddress());
        packet.Extensions.Add(NhrpCieListExtension.ForwardTransitNhsRecord());
        packet.Extensions.Add(NhrpCieListExtension.ReverseTransitNhsRecord());
        packet.Extensions.Add(NhrpAuthenticationExtension.Cisco("secret"u8));
        packet.Extensions.Add(NhrpExtension.End());
    }

    private static NhrpPacket RoundTrip(NhrpPacket packet)
    {
        var bytes = new byte[packet.Length];
        Assert.Equal(bytes.Length, packet.Emit(bytes));

        Assert.True(NhrpPacket.TryParse(bytes, out var parsed, out NhrpDropReason reason, out _),
            reason.ToString());
        NhrpMalformedTests.AssertRoundTrips(bytes, parsed!, packet.Type.ToString());
        return parsed!;
    }
}

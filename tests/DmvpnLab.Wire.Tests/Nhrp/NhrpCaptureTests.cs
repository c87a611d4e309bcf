using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>
/// Real IOS NHRP from the tcpdump test suite; expected values from the matching
/// *.tshark-V.txt decodes.
/// </summary>
public class NhrpCaptureTests
{
    [Fact]
    public void RegistrationRequest_Frame1_FieldsMatchTshark()
    {
        byte[] bytes = NhrpSamples.Registration(1);

        Assert.True(NhrpPacket.TryParse(bytes, out var packet, out WireError error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(NhrpAddress.AddressFamilyIpv4, packet!.AddressFamily);
        Assert.Equal(NhrpAddress.ProtocolTypeIpv4, packet.ProtocolType);
        Assert.Equal(0UL, packet.ProtocolSnap);
        Assert.Equal(255, packet.HopCount);
        Assert.Equal(108, packet.Length);
        Assert.Equal(52, packet.ExtensionOffset);
        Assert.Equal(NhrpPacketType.RegistrationRequest, packet.Type);
        var mandatory = packet.Mandatory;
        Assert.Equal(NhrpRegistrationFlags.Unique | NhrpRegistrationFlags.CiscoNat,
            mandatory.RegistrationFlags);
        Assert.Equal(1u, mandatory.RequestId);
        Assert.Equal(NhrpSamples.Ip("169.254.100.1"), mandatory.SourceNbmaAddress);
        Assert.Empty(mandatory.SourceNbmaSubaddress);
        Assert.Equal(NhrpSamples.Ip("155.1.0.1"), mandatory.SourceProtocolAddress);
        Assert.Equal(NhrpSamples.Ip("155.1.0.5"), mandatory.DestinationProtocolAddress);

        var cie = Assert.Single(packet.ClientInformationEntries);
        Assert.Equal(NhrpCieCode.Success, cie.Code);
        Assert.Equal(32, cie.PrefixLength);
        Assert.Equal(17912, cie.Mtu);
        Assert.Equal(7200, cie.HoldingTime);
        Assert.Empty(cie.ClientNbmaAddress);
        Assert.Empty(cie.ClientProtocolAddress);

        Assert.Equal(
            [
                NhrpExtensionType.ResponderAddress, NhrpExtensionType.ForwardTransitNhsRecord,
                NhrpExtensionType.ReverseTransitNhsRecord, NhrpExtensionType.Authentication,
                NhrpExtensionType.CiscoNatAddress, NhrpExtensionType.End,
            ],
            packet.Extensions.Select(e => e.Type));
        Assert.Equal([true, true, true, true, false, true],
            packet.Extensions.Select(e => e.Compulsory));
        Assert.Empty(((NhrpCieListExtension)packet.Extensions[0]).Entries);

        // tshark decodes the value RFC 2332-style (SPI 1, "source address" 78.72.82.80 =
        // "NHRP", data "AUTH"); IOS means SPI 1 and the 8-byte password NHRPAUTH.
        var auth = Assert.IsType<NhrpAuthenticationExtension>(packet.Extensions[3]);
        Assert.Equal(1u, auth.Spi);
        Assert.Equal("NHRPAUTH"u8.ToArray(), auth.Password);

        var nat = Assert.IsType<NhrpCieListExtension>(packet.Extensions[4]);
        var natCie = Assert.Single(nat.Entries);
        Assert.Equal(0, natCie.HoldingTime);
        Assert.Equal(17912, natCie.Mtu);
        Assert.Equal(NhrpSamples.Ip("169.254.100.5"), natCie.ClientNbmaAddress);
        Assert.Equal(NhrpSamples.Ip("155.1.0.5"), natCie.ClientProtocolAddress);
    }

    [Fact]
    public void RegistrationReply_Frame2_CarriesResponderAddress()
    {
        byte[] bytes = NhrpSamples.Registration(2);

        Assert.True(NhrpPacket.TryParse(bytes, out var packet, out _));

        Assert.Equal(NhrpPacketType.RegistrationReply, packet!.Type);
        Assert.Equal(128, packet.Length);
        Assert.Equal(1u, packet.Mandatory.RequestId);
        var responder = (NhrpCieListExtension)packet.FindExtension(
            NhrpExtensionType.ResponderAddress)!;
        var cie = Assert.Single(responder.Entries);
        Assert.Equal(7200, cie.HoldingTime);
        Assert.True(NhrpAddress.TryGetIpv4(cie.ClientNbmaAddress, out var nbma));
        Assert.Equal("169.254.100.5", nbma.ToString());
        Assert.Equal(NhrpSamples.Ip("155.1.0.5"), cie.ClientProtocolAddress);
    }

    [Fact]
    public void View_Frame1_PeeksWithoutParsing()
    {
        byte[] bytes = NhrpSamples.Registration(1);

        Assert.True(NhrpView.TryCreate(bytes, out var view, out WireError error));

        Assert.Equal(WireError.None, error);
        Assert.Equal(NhrpPacketType.RegistrationRequest, view.Type);
        Assert.Equal(255, view.HopCount);
        Assert.Equal(1u, view.RequestId);
        Assert.Equal(0x197b, view.Checksum);
        Assert.True(view.HasValidChecksum());
        Assert.Equal(NhrpSamples.Ip("169.254.100.1"), view.SourceNbmaAddress.ToArray());
        Assert.Equal(NhrpSamples.Ip("155.1.0.5"), view.DestinationProtocolAddress.ToArray());
    }

    [Fact]
    public void Pcapng_Frame2_ReplyWithFourBytePassword()
    {
        byte[] bytes = NhrpSamples.Pcapng(2);

        Assert.True(NhrpPacket.TryParse(bytes, out var packet, out _));

        Assert.Equal(NhrpPacketType.RegistrationReply, packet!.Type);
        Assert.Equal(124, packet.Length);
        Assert.Equal(21u, packet.Mandatory.RequestId);
        Assert.Equal(17916, packet.ClientInformationEntries[0].Mtu);
        var auth = (NhrpAuthenticationExtension)packet.FindExtension(
            NhrpExtensionType.Authentication)!;
        // Extension length 8: SPI 1, then "OTUS" (tshark: "Source Address: 79.84.85.83").
        Assert.Equal(1u, auth.Spi);
        Assert.Equal("OTUS"u8.ToArray(), auth.Password);
        var responder = (NhrpCieListExtension)packet.Extensions[0];
        Assert.Equal(NhrpSamples.Ip("100.1.0.14"), responder.Entries[0].ClientNbmaAddress);
        Assert.Equal(NhrpSamples.Ip("10.65.0.1"), responder.Entries[0].ClientProtocolAddress);
    }

    [Fact]
    public void Pcapng_AllPackets_RequestIdsAndTypesMatchSummary()
    {
        uint[] ids = [21, 21, 22, 22, 1, 1, 2, 2, .. Enumerable.Repeat(1u, 17)];
        var types = new List<NhrpPacketType>();
        var parsedIds = new List<uint>();

        for (int frame = 1; frame <= 25; frame++)
        {
            Assert.True(NhrpPacket.TryParse(NhrpSamples.Pcapng(frame), out var packet, out _));
            types.Add(packet!.Type);
            parsedIds.Add(packet.Mandatory.RequestId);
        }

        Assert.Equal(ids, parsedIds);
        Assert.Equal(10, types.Count(t => t == NhrpPacketType.RegistrationReply));
        Assert.Equal(15, types.Count(t => t == NhrpPacketType.RegistrationRequest));
    }

    [Fact]
    public void AllCapturedPackets_ParseThenEmit_SameBytes()
    {
        int count = 0;
        foreach (var (name, bytes) in NhrpSamples.All())
        {
            Assert.True(NhrpPacket.TryParse(bytes, out var packet, out WireError error),
                $"{name}: {error}");
            var emitted = new byte[packet!.Length];

            int written = packet.Emit(emitted);

            Assert.Equal(bytes.Length, written);
            Assert.True(bytes.AsSpan().SequenceEqual(emitted), name);
            count++;
        }

        Assert.Equal(29, count);
    }
}

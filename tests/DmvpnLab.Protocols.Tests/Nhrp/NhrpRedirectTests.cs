using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Tests.Nhrp;

/// <summary>Phase 3: the hub's Traffic Indication and its rate limit.</summary>
public class NhrpRedirectTests
{
    private static byte[] DataPacket(string source, string destination)
    {
        var packet = new byte[60];
        packet[0] = 0x45;
        packet[3] = 60;
        packet[8] = 63;
        packet[9] = 1;
        Ipv4Address.Parse(source).Write(packet.AsSpan(12));
        Ipv4Address.Parse(destination).Write(packet.AsSpan(16));
        for (int i = 20; i < packet.Length; i++)
            packet[i] = (byte)i;
        return packet;
    }

    [Fact]
    public void RedirectOn_Hairpin_TrafficIndicationToSourceSpokeInCiscoLayout()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Config.Redirect = true;
        var data = DataPacket("192.168.164.10", "192.168.161.10");

        hub.Nhrp.OnHairpin(hub.Tunnel, data, NhrpHarness.SpokeNbma);

        Assert.Single(hub.Sent);
        Assert.Equal(NhrpHarness.SpokeNbma, hub.Sent[0].Nbma);
        var bytes = hub.SentNhrp(0);
        Assert.True(NhrpPacket.TryParse(bytes, out var indication, out _));
        Assert.Equal(NhrpPacketType.TrafficIndication, indication!.Type);
        Assert.Equal(0, indication.Mandatory.Flags);
        Assert.Equal(0u, indication.Mandatory.RequestId);
        Assert.Equal(NhrpHarness.HubNbma, Ipv4Address.Read(indication.Mandatory.SourceNbmaAddress));
        Assert.Equal(NhrpHarness.HubTunnel,
            Ipv4Address.Read(indication.Mandatory.SourceProtocolAddress));
        Assert.Equal(Ipv4Address.Parse("192.168.164.10"),
            Ipv4Address.Read(indication.Mandatory.DestinationProtocolAddress));
        Assert.Equal(data[..28], indication.Mandatory.EnclosedPacket);
        Assert.Equal(68, indication.ExtensionOffset);
    }

    [Fact]
    public void RedirectOn_SecondHairpinWithinTimeout_Suppressed()
    {
        var hub = NhrpHarness.Hub();
        hub.Nhrp.Config.Redirect = true;
        var data = DataPacket("192.168.164.10", "192.168.161.10");
        hub.Nhrp.OnHairpin(hub.Tunnel, data, NhrpHarness.SpokeNbma);

        hub.Scheduler.RunFor(TimeSpan.FromSeconds(7));
        hub.Nhrp.OnHairpin(hub.Tunnel, data, NhrpHarness.SpokeNbma);
        hub.Scheduler.RunFor(TimeSpan.FromSeconds(2));
        hub.Nhrp.OnHairpin(hub.Tunnel, data, NhrpHarness.SpokeNbma);

        Assert.Equal(2, hub.Nhrp.Traffic.Sent(NhrpPacketType.TrafficIndication));
        Assert.Equal(1, hub.Nhrp.Traffic.RedirectSuppressed);
    }

    [Fact]
    public void RedirectOff_Hairpin_NothingSent()
    {
        var hub = NhrpHarness.Hub();

        hub.Nhrp.OnHairpin(hub.Tunnel, DataPacket("10.0.0.1", "10.0.0.2"), NhrpHarness.SpokeNbma);

        Assert.Empty(hub.Sent);
    }

    [Fact]
    public void ShortcutSpoke_TrafficIndication_ResolutionRequestForOriginalDestination()
    {
        var spoke = NhrpHarness.Spoke();
        var hub = NhrpHarness.Hub(spoke.Scheduler);
        spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);
        spoke.Nhrp.Config.Shortcut = true;
        hub.Nhrp.Config.Redirect = true;
        hub.Nhrp.OnHairpin(hub.Tunnel, DataPacket("192.168.164.10", "192.168.161.10"),
            NhrpHarness.SpokeNbma);
        spoke.Sent.Clear();

        spoke.Nhrp.Receive(NhrpHarness.HubNbma, hub.SentNhrp(0));

        Assert.Single(spoke.Sent);
        Assert.True(NhrpPacket.TryParse(spoke.SentNhrp(0), out var request, out _));
        Assert.Equal(NhrpPacketType.ResolutionRequest, request!.Type);
        Assert.Equal(0xC802, request.Mandatory.Flags);
        Assert.Equal(Ipv4Address.Parse("192.168.161.10"),
            Ipv4Address.Read(request.Mandatory.DestinationProtocolAddress));
        Assert.True(spoke.Nhrp.Cache.TryGetHost(Ipv4Address.Parse("192.168.161.10"),
            out var incomplete));
        Assert.Equal(NhrpCacheEntryType.Incomplete, incomplete.Type);
    }
}

using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Tests.Nhrp;

/// <summary>Our NHRP packets against IOS's, byte for byte (NHRP_registration.pcap).</summary>
public class NhrpWireFidelityTests
{
    [Fact]
    public void Spoke_FirstRegistration_SameBytesAsIosCapture()
    {
        var spoke = NhrpHarness.Spoke();
        spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);

        spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(10));

        Assert.Single(spoke.Sent);
        Assert.Equal(Convert.ToHexString(NhrpHarness.CapturedRegistration(1)),
            Convert.ToHexString(spoke.SentNhrp(0)));
        var outer = spoke.Sent[0].Packet;
        Assert.Equal(0xC0, outer[1]);
        Assert.Equal(255, outer[8]);
        Assert.Equal(new byte[] { 0x20, 0x00, 0x20, 0x01, 0, 0, 0, 2 }, outer[20..28]);
        Assert.Equal(NhrpHarness.HubNbma, spoke.Sent[0].Nbma);
    }

    [Fact]
    public void Hub_CapturedRegistration_RepliesWithIosBytes()
    {
        var hub = NhrpHarness.Hub();

        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, NhrpHarness.CapturedRegistration(1));

        Assert.Single(hub.Sent);
        Assert.Equal(Convert.ToHexString(NhrpHarness.CapturedRegistration(2)),
            Convert.ToHexString(hub.SentNhrp(0)));
        Assert.Equal(NhrpHarness.SpokeNbma, hub.Sent[0].Nbma);
    }

    [Fact]
    public void Spoke_CapturedReply_NhsResponding()
    {
        var spoke = NhrpHarness.Spoke();
        var server = spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);
        spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(10));

        spoke.Nhrp.Receive(NhrpHarness.HubNbma, NhrpHarness.CapturedRegistration(2));

        Assert.Equal(NhrpNhsState.Responding, server.State);
        Assert.True(spoke.Nhrp.IsConverged);
        Assert.Equal(1, spoke.Nhrp.Traffic.Received(NhrpPacketType.RegistrationReply));
    }

    [Fact]
    public void Spoke_NoUnique_FlagsAreNatOnly()
    {
        var spoke = NhrpHarness.Spoke();
        spoke.Nhrp.Config.RegistrationUnique = false;
        spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);

        spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(10));

        Assert.True(NhrpPacket.TryParse(spoke.SentNhrp(0), out var packet, out _));
        Assert.Equal(0x0002, packet!.Mandatory.Flags);
    }
}

using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Tests.Nhrp;

/// <summary>The NHC registration state machine, by state.</summary>
public class NhrpNhsClientTests
{
    [Fact]
    public void Expecting_NoReply_RetransmitsWithIosBackOffCappedAt64()
    {
        var spoke = NhrpHarness.Spoke();
        var server = spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);

        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(200));

        var seconds = spoke.Sent.Select(s => (int)s.At.TotalSeconds).ToArray();
        Assert.Equal(new[] { 0, 1, 3, 7, 15, 31, 63, 127, 191 }, seconds);
        Assert.All(spoke.Sent, s => Assert.Equal(NhrpHarness.HubNbma, s.Nbma));
        Assert.Equal(NhrpNhsState.Expecting, server.State);
        Assert.Equal(64, server.RetransmitSeconds);
        Assert.Equal(1u, server.CurrentRequestId);
    }

    [Fact]
    public void Expecting_FirstPacketsDroppedByProtector_RetransmissionRecovers()
    {
        var spoke = NhrpHarness.Spoke();
        var hub = NhrpHarness.Hub();
        spoke.DropNext = 3;
        var server = spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);

        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(8));
        hub.Nhrp.Receive(NhrpHarness.SpokeNbma, spoke.SentNhrp(0));
        spoke.Nhrp.Receive(NhrpHarness.HubNbma, hub.SentNhrp(0));

        Assert.Equal(NhrpNhsState.Responding, server.State);
        Assert.Equal(4, server.RequestsSent);
        Assert.Equal(1, server.RepliesReceived);
    }

    [Fact]
    public void Responding_RegistrationInterval_IsAThirdOfHoldTime()
    {
        var (spoke, hub, _) = Registered();

        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(2399));
        int before = spoke.Sent.Count;
        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(1.5));

        Assert.Equal(before + 1, spoke.Sent.Count);
        var last = spoke.SentNhrp(spoke.Sent.Count - 1);
        Assert.True(NhrpPacket.TryParse(last, out var packet, out _));
        Assert.Equal(2u, packet!.Mandatory.RequestId);
    }

    [Fact]
    public void Responding_RegistrationTimeoutConfigured_UsesIt()
    {
        var (spoke, _, _) = Registered(linked: true);
        spoke.Nhrp.Config.RegistrationTimeoutSeconds = 60;
        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(2400));
        int before = spoke.Sent.Count;

        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(61));

        Assert.Equal(before + 1, spoke.Sent.Count);
    }

    [Fact]
    public void Responding_ThreeRetransmissionsUnanswered_NhsDownAndSyslog()
    {
        var (spoke, _, server) = Registered();
        var log = new List<string>();
        spoke.Node.Log.Line += (_, line) => log.Add(line);

        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(2400 + 8));

        Assert.Equal(NhrpNhsState.Expecting, server.State);
        Assert.Contains(log, l => l.StartsWith("%DMVPN-5-NHRP_NHS_DOWN: Tunnel1: Next Hop " +
            "Server : (Tunnel: 155.1.0.5 NBMA: 169.254.100.5 ) for (Tunnel: 155.1.0.1 " +
            "NBMA: 169.254.100.1) is DOWN, Reason: NHRP Registration Failure"));
        Assert.False(spoke.Nhrp.IsConverged);
    }

    [Fact]
    public void Expecting_ReplyWithWrongRequestId_DroppedAsUnexpected()
    {
        var spoke = NhrpHarness.Spoke();
        var server = spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);
        spoke.Scheduler.RunFor(TimeSpan.FromSeconds(2));
        var reply = NhrpHarness.CapturedRegistration(4); // Request ID 2, ours is 1

        spoke.Nhrp.Receive(NhrpHarness.HubNbma, reply);

        Assert.Equal(NhrpNhsState.Expecting, server.State);
        Assert.Equal(1, spoke.Nhrp.Protocol.Drops[NhrpProtocolDropReason.UnexpectedReply]);
    }

    [Fact]
    public void Expecting_FirstReply_SyslogNhsUp()
    {
        var spoke = NhrpHarness.Spoke();
        var log = new List<string>();
        spoke.Node.Log.Line += (_, line) => log.Add(line);
        spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);
        spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(1));

        spoke.Nhrp.Receive(NhrpHarness.HubNbma, NhrpHarness.CapturedRegistration(2));

        Assert.Equal(new[] { "%DMVPN-5-NHRP_NHS_UP: Tunnel1: Next Hop Server : (Tunnel: " +
            "155.1.0.5 NBMA: 169.254.100.5) for (Tunnel: 155.1.0.1 NBMA: 169.254.100.1) is UP" },
            log);
    }

    private static (NhrpHarness Spoke, NhrpHarness Hub, NhrpNhsClient Server) Registered(
        bool linked = false)
    {
        var spoke = NhrpHarness.Spoke();
        var hub = NhrpHarness.Hub(spoke.Scheduler);
        var server = spoke.Nhrp.AddServer(NhrpHarness.HubTunnel, null, multicast: false);
        if (linked)
        {
            spoke.Peer = hub;
            hub.Peer = spoke;
            spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(5));
        }
        else
        {
            spoke.Scheduler.RunFor(TimeSpan.FromMilliseconds(1));
            hub.Nhrp.Receive(NhrpHarness.SpokeNbma, spoke.SentNhrp(0));
            spoke.Nhrp.Receive(NhrpHarness.HubNbma, hub.SentNhrp(0));
        }

        Assert.Equal(NhrpNhsState.Responding, server.State);
        return (spoke, hub, server);
    }
}

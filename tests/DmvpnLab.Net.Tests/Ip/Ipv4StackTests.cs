using System.Buffers.Binary;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Tests.Ip;

public class Ipv4StackTests
{
    private static readonly Ipv4Address BLoopback = Ipv4Address.Parse("192.168.2.1");

    [Fact]
    public void Ping_FirstEchoIsNotLostToArp_AndTheReplyComesBack()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(new Route(new Prefix(BLoopback, 24), RouteSource.Static, 1, 0,
            Ipv4Address.Parse("10.0.0.2"), null, 0));
        var replies = new List<IcmpReceived>();
        nodes.A.Ipv4.Icmp.Received += replies.Add;

        nodes.A.Ipv4.Icmp.SendEchoRequest(BLoopback, 7, 1, 56);
        nodes.Scheduler.RunFor(TimeSpan.FromSeconds(1));

        var reply = Assert.Single(replies);
        Assert.Equal(IcmpService.TypeEchoReply, reply.Type);
        Assert.Equal(BLoopback, reply.Source);
        Assert.Equal(84, reply.PacketLength);
        Assert.Equal(1, nodes.B.Ipv4.Icmp.EchoRequestsAnswered);
    }

    [Fact]
    public void NoRouteOnTheRouter_SenderGetsNetworkUnreachable()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(new Route(new Prefix(Ipv4Address.Any, 0), RouteSource.Static, 1, 0,
            Ipv4Address.Parse("10.0.0.2"), null, 0));
        var received = new List<IcmpReceived>();
        nodes.A.Ipv4.Icmp.Received += received.Add;

        nodes.A.Ipv4.Icmp.SendEchoRequest(Ipv4Address.Parse("203.0.113.9"), 7, 1, 56);
        nodes.Scheduler.RunFor(TimeSpan.FromSeconds(1));

        var error = Assert.Single(received);
        Assert.Equal(IcmpService.TypeDestinationUnreachable, error.Type);
        Assert.Equal(IcmpService.UnreachableNetwork, error.Code);
        Assert.Equal(1, nodes.B.Drops[DropReason.NoRoute]);
    }

    [Fact]
    public void TtlOfOne_RouterAnswersTimeExceeded()
    {
        var nodes = new TwoNodes();
        nodes.A.Rib.Add(new Route(new Prefix(Ipv4Address.Any, 0), RouteSource.Static, 1, 0,
            Ipv4Address.Parse("10.0.0.2"), null, 0));
        nodes.B.Rib.Add(new Route(new Prefix(Ipv4Address.Any, 0), RouteSource.Static, 1, 0,
            Ipv4Address.Parse("10.0.0.1"), null, 0));
        var received = new List<IcmpReceived>();
        nodes.A.Ipv4.Icmp.Received += received.Add;

        nodes.A.Ipv4.Icmp.SendEchoRequest(Ipv4Address.Parse("203.0.113.9"), 7, 1, 56,
            timeToLive: 1);
        nodes.Scheduler.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal(IcmpService.TypeTimeExceeded, Assert.Single(received).Type);
        Assert.Equal(1, nodes.B.Drops[DropReason.TtlExpired]);
    }

    [Fact]
    public void BadHeaderChecksum_DroppedAndCounted()
    {
        var nodes = new TwoNodes();
        var packet = EchoPacket(Ipv4Address.Parse("10.0.0.1"), Ipv4Address.Parse("10.0.0.2"));
        packet[10] ^= 0xFF;

        nodes.B.Ipv4.Receive(nodes.BWan, packet);

        Assert.Equal(1, nodes.B.Drops[DropReason.BadIpv4Checksum]);
        Assert.Equal(0, nodes.B.Ipv4.Icmp.EchoRequestsAnswered);
    }

    [Fact]
    public void EveryTruncationAndBitFlip_NeverThrows()
    {
        var nodes = new TwoNodes();
        var packet = EchoPacket(Ipv4Address.Parse("10.0.0.1"), Ipv4Address.Parse("10.0.0.2"));

        for (int length = 0; length < packet.Length; length++)
            nodes.B.Ipv4.Receive(nodes.BWan, packet.AsSpan(0, length));

        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            var flipped = (byte[])packet.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            nodes.B.Ipv4.Receive(nodes.BWan, flipped);
            nodes.BWan.ReceiveFrame(flipped);
        }

        Assert.True(nodes.B.Drops[DropReason.MalformedIpv4] > 0);
    }

    private static byte[] EchoPacket(Ipv4Address source, Ipv4Address destination)
    {
        var packet = new byte[28];
        Ipv4Header.WriteHeader(packet, source, destination, IpProtocol.Icmp, 64, 0, 1, false, 8);
        packet[20] = IcmpService.TypeEchoRequest;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22),
            InternetChecksum.Compute(packet.AsSpan(20)));
        return packet;
    }
}

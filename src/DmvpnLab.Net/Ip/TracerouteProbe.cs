using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Net.Ip;

/// <summary>One hop's answer to a traceroute probe, or none within the timeout.</summary>
public readonly record struct TracerouteAnswer(Ipv4Address From, byte Type, byte Code,
    long RoundTripNanoseconds)
{
    /// <summary>The probe reached its destination: port unreachable from the target.</summary>
    public bool ReachedTarget(Ipv4Address target) =>
        Type == IcmpService.TypeDestinationUnreachable && From == target;
}

/// <summary>
/// Sends UDP traceroute probes (destination port 33434 and up, as the classic Van
/// Jacobson traceroute and IOS do) with a chosen TTL and waits, on the lab's clock,
/// for the ICMP time-exceeded or port-unreachable message that quotes the probe.
/// </summary>
public sealed class TracerouteProbe
{
    public const ushort FirstDestinationPort = 33434;

    private readonly NetworkNode node;
    private readonly ushort sourcePort;
    private ushort nextDestinationPort = FirstDestinationPort;

    public TracerouteProbe(NetworkNode node)
    {
        this.node = node;
        sourcePort = (ushort)(49152 + node.Scheduler.Random.Next(16384));
    }

    /// <summary>Sends one probe and runs the lab until its answer or the timeout.</summary>
    public TracerouteAnswer? Send(Ipv4Address target, byte timeToLive, TimeSpan timeout,
        Ipv4Address? source = null)
    {
        ushort destinationPort = nextDestinationPort++;
        TracerouteAnswer? answer = null;
        long sentAt = node.Scheduler.NowNanoseconds;
        void OnIcmp(IcmpReceived received)
        {
            if (received.IsError && received.QuotedProtocol == IpProtocol.Udp &&
                received.Identifier == sourcePort && received.Sequence == destinationPort)
            {
                answer = new TracerouteAnswer(received.Source, received.Type, received.Code,
                    received.ReceivedAtNanoseconds - sentAt);
            }
        }

        node.Ipv4.Icmp.Received += OnIcmp;
        var from = source ?? node.Fib.EgressFor(target)?.Address;
        if (from is { } address)
        {
            Span<byte> payload = stackalloc byte[12];
            payload.Clear();
            node.Udp.Send(address, sourcePort, target, destinationPort, payload, timeToLive);
            var scheduler = node.Scheduler;
            scheduler.RunUntil(() => answer is not null, scheduler.Now + timeout);
        }

        node.Ipv4.Icmp.Received -= OnIcmp;
        return answer;
    }
}

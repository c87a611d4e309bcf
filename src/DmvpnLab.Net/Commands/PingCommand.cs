using System.Text;
using DmvpnLab.Ios;
using DmvpnLab.Net.Ip;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// IOS's `ping A.B.C.D [repeat N] [size N] [source …]`: five 100-byte echoes, a
/// two-second timeout each, `!` and `.` marks, then the success rate and round trips.
/// </summary>
public static class PingCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static void Register(CliModes modes)
    {
        modes.UserExec.Commands.Register(
            "ping <A.B.C.D:target> [repeat <1-2147483647:count>] [size <36-18024:bytes>] " +
            "[source <A.B.C.D:source-address>]",
            context =>
            {
                int repeat = (int)(context.Find("count")?.Number ?? 5);
                int size = (int)(context.Find("bytes")?.Number ?? 100);
                Ipv4Address? source = context.Find("source-address") is { } s ? new Ipv4Address(s.Ipv4Value) : null;
                Run(context.Node(), context.Ipv4("target"), repeat, size, source, context.Output);
                return CommandResult.Ok;
            });
    }

    public static void Run(NetworkNode node, Ipv4Address target, int repeat, int size,
        Ipv4Address? source, TextWriter output)
    {
        output.WriteLine("Type escape sequence to abort.");
        output.WriteLine($"Sending {repeat}, {size}-byte ICMP Echos to {target}, " +
                         $"timeout is {Timeout.TotalSeconds} seconds:");
        if (source is { } from)
            output.WriteLine($"Packet sent with a source address of {from} ");

        var scheduler = node.Scheduler;
        ushort identifier = (ushort)(node.Ipv4.NextIdentification() ^ 0x5A5A);
        var marks = new StringBuilder();
        var roundTrips = new List<long>();
        ushort expected = 0;
        IcmpReceived? answer = null;
        void OnIcmp(IcmpReceived received)
        {
            if (received.Identifier == identifier && received.Sequence == expected)
                answer = received;
        }

        node.Ipv4.Icmp.Received += OnIcmp;
        for (int i = 0; i < repeat; i++)
        {
            expected = (ushort)i;
            answer = null;
            long sentAt = scheduler.NowNanoseconds;
            node.Ipv4.Icmp.SendEchoRequest(target, identifier, expected, size - 28, source);
            scheduler.RunUntil(() => answer is not null, scheduler.Now + Timeout);
            if (answer is { Type: IcmpService.TypeEchoReply } reply)
            {
                marks.Append('!');
                roundTrips.Add(reply.ReceivedAtNanoseconds - sentAt);
            }
            else
            {
                marks.Append(answer is { Type: IcmpService.TypeDestinationUnreachable } ? 'U' : '.');
            }
        }

        node.Ipv4.Icmp.Received -= OnIcmp;
        output.WriteLine(marks.ToString());
        int percent = repeat == 0 ? 0 : roundTrips.Count * 100 / repeat;
        string summary = $"Success rate is {percent} percent ({roundTrips.Count}/{repeat})";
        if (roundTrips.Count > 0)
        {
            long min = roundTrips.Min() / 1_000_000;
            long max = roundTrips.Max() / 1_000_000;
            long average = (long)roundTrips.Average() / 1_000_000;
            summary += $", round-trip min/avg/max = {min}/{average}/{max} ms";
        }

        output.WriteLine(summary);
    }
}

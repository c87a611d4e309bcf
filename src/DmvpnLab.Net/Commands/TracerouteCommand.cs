using System.Text;
using DmvpnLab.Ios;
using DmvpnLab.Net.Ip;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Commands;

/// <summary>
/// IOS's `traceroute A.B.C.D [source A.B.C.D] [ttl MIN MAX]`: three UDP probes per hop,
/// three-second timeout, one line per hop with the answering address and the round
/// trips in msec, `*` for silence, stopping at the target or after 30 hops.
/// </summary>
public static class TracerouteCommand
{
    private const int ProbesPerHop = 3;
    private const int MaximumHops = 30;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void Register(CliModes modes)
    {
        modes.UserExec.Commands.Register(
            "traceroute <A.B.C.D:target> [source <A.B.C.D:source-address>] " +
            "[ttl <1-255:minimum> <1-255:maximum>]",
            context =>
            {
                Ipv4Address? source = context.Find("source-address") is { } s
                    ? new Ipv4Address(s.Ipv4Value)
                    : null;
                int first = (int)(context.Find("minimum")?.Number ?? 1);
                int last = (int)(context.Find("maximum")?.Number ?? MaximumHops);
                Run(context.Node(), context.Ipv4("target"), source, first, last, context.Output);
                return CommandResult.Ok;
            });
    }

    public static void Run(NetworkNode node, Ipv4Address target, Ipv4Address? source,
        int firstHop, int lastHop, TextWriter output)
    {
        output.WriteLine("Type escape sequence to abort.");
        output.WriteLine($"Tracing the route to {target}");
        output.WriteLine("VRF info: (vrf in name/id, vrf out name/id)");
        var probe = new TracerouteProbe(node);
        for (int hop = firstHop; hop <= lastHop; hop++)
        {
            var line = new StringBuilder($"{hop,3}");
            Ipv4Address? shown = null;
            bool reached = false;
            for (int i = 0; i < ProbesPerHop; i++)
            {
                var answer = probe.Send(target, (byte)hop, Timeout, source);
                if (answer is not { } reply)
                {
                    line.Append(" *");
                    continue;
                }

                if (shown != reply.From)
                {
                    line.Append($" {reply.From}");
                    shown = reply.From;
                }

                line.Append($" {reply.RoundTripNanoseconds / 1_000_000} msec");
                line.Append(Mark(reply));
                reached |= reply.ReachedTarget(target) ||
                           reply.Type == IcmpService.TypeDestinationUnreachable;
            }

            output.WriteLine(line.ToString());
            if (reached)
                return;
        }
    }

    /// <summary>IOS marks unreachables after the time: !N network, !H host, !P protocol.</summary>
    private static string Mark(TracerouteAnswer reply) =>
        reply.Type != IcmpService.TypeDestinationUnreachable ? "" : reply.Code switch
        {
            IcmpService.UnreachableNetwork => " !N",
            IcmpService.UnreachableHost => " !H",
            IcmpService.UnreachableProtocol => " !P",
            _ => "",
        };
}

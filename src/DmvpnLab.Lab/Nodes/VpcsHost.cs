using System.Globalization;
using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Routing;
using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Lab.Nodes;

/// <summary>
/// A VPCS-style virtual PC: one Ethernet port, an address, a gateway, and the
/// commands lab write-ups use (`ip`, `show ip`, `ping`), with VPCS's output formats.
/// </summary>
public sealed class VpcsHost : ILabNode
{
    public const string PortName = "eth0";
    private const int PingDataLength = 56;
    private const byte PingTimeToLive = 64;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(1);

    private readonly EthernetInterface port;
    private ushort nextPingIdentifier;

    public VpcsHost(string name, Scheduler scheduler, PacketBufferPool pool, int nodeNumber)
    {
        Name = name;
        Network = new NetworkNode(name, scheduler, pool, nodeNumber);
        Network.Ipv4.ForwardingEnabled = false;
        Network.Ipv4.OriginatedTimeToLive = PingTimeToLive;

        // VPCS derives its MAC from 00:50:79:66:68:xx, xx the instance number.
        port = Network.AddInterface(new EthernetInterface(Network, PortName,
            new MacAddress(0x0050_7966_6800UL | (uint)(nodeNumber & 0xFF))));
        nextPingIdentifier = (ushort)(0x4000 + nodeNumber);
    }

    public string Name { get; }

    public NetworkNode Network { get; }

    public Ipv4Address? Gateway { get; private set; }

    public string Prompt => Name + ">";

    public bool IsConverged => true;

    public EthernetInterface? FindPort(string name) =>
        name.Equals(PortName, StringComparison.OrdinalIgnoreCase) ||
        name.Equals("e0", StringComparison.OrdinalIgnoreCase) ? port : null;

    public void Boot(string configText, string fileName, ILabLog log)
    {
        int lineNumber = 0;
        foreach (string raw in configText.Split('\n'))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;

            var output = new StringWriter();
            Execute(line, output);
            string text = output.ToString().Trim();
            if (text.Length > 0 && text.Contains("Invalid", StringComparison.Ordinal))
                log.Warning($"{fileName}:{lineNumber}: {text}");
        }
    }

    public void Execute(string line, TextWriter output)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return;

        switch (words[0].ToLowerInvariant())
        {
            case "ip":
                SetAddress(words, output);
                break;
            case "show" when words.Length >= 2 && words[1] == "ip":
                ShowIp(output);
                break;
            case "ping":
                Ping(words, output);
                break;
            case "trace":
            case "tracert":
                Trace(words, output);
                break;
            default:
                output.WriteLine("Invalid command");
                break;
        }
    }

    /// <summary>`ip 192.168.160.10/24 192.168.160.1` or `ip ADDRESS MASK GATEWAY`.</summary>
    private void SetAddress(string[] words, TextWriter output)
    {
        if (words.Length < 2 || !TryParseAddress(words, out var address, out int prefixLength,
                out var gateway))
        {
            output.WriteLine("Invalid address");
            return;
        }

        port.SetAddress(address, prefixLength);
        Network.Rib.RemoveAll(r => r.Source == RouteSource.Static);
        Gateway = gateway;
        if (gateway is { } via)
        {
            Network.Rib.Add(new Route(new Prefix(Ipv4Address.Any, 0), RouteSource.Static, 1, 0,
                via, port, Network.Scheduler.NowNanoseconds));
        }

        output.WriteLine(
            $"Checking for duplicate address...\n{Name} : {address}/{prefixLength} {gateway}");
    }

    private static bool TryParseAddress(string[] words, out Ipv4Address address,
        out int prefixLength, out Ipv4Address? gateway)
    {
        gateway = null;
        prefixLength = 24;
        string first = words[1];
        int slash = first.IndexOf('/');
        int next = 2;
        if (slash >= 0)
        {
            if (!int.TryParse(first[(slash + 1)..], NumberStyles.None,
                    CultureInfo.InvariantCulture, out prefixLength) || prefixLength > 32)
            {
                address = default;
                return false;
            }

            first = first[..slash];
        }
        else if (words.Length > 2 && Ipv4Address.TryParse(words[2], out var mask) &&
                 words.Length > 3)
        {
            prefixLength = Ipv4Address.MaskToPrefixLength(mask);
            next = 3;
        }

        if (!Ipv4Address.TryParse(first, out address))
            return false;

        if (words.Length > next)
        {
            if (!Ipv4Address.TryParse(words[next], out var via))
                return false;
            gateway = via;
        }

        return true;
    }

    private void ShowIp(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"NAME        : {Name}[1]");
        output.WriteLine(port.HasAddress
            ? $"IP/MASK     : {port.Address}/{port.PrefixLength}"
            : "IP/MASK     : 0.0.0.0/0");
        output.WriteLine($"GATEWAY     : {Gateway?.ToString() ?? "0.0.0.0"}");
        output.WriteLine("DNS         : ");
        output.WriteLine($"MAC         : {port.Mac}");
        output.WriteLine($"MTU         : {port.Mtu}");
        output.WriteLine();
    }

    /// <summary>
    /// `ping HOST [-c COUNT]`: one echo a second, VPCS's lines for replies and
    /// timeouts. `-t` (until Ctrl-C) is taken as the default count in a script.
    /// </summary>
    private void Ping(string[] words, TextWriter output)
    {
        if (words.Length < 2 || !Ipv4Address.TryParse(words[1], out var destination))
        {
            output.WriteLine("Invalid address");
            return;
        }

        int count = 5;
        for (int i = 2; i + 1 < words.Length; i++)
        {
            if (words[i] == "-c" && int.TryParse(words[i + 1], out int requested) && requested > 0)
                count = requested;
        }

        var scheduler = Network.Scheduler;
        ushort identifier = nextPingIdentifier++;
        IcmpReceived? answer = null;
        ushort waitingFor = 0;
        void OnIcmp(IcmpReceived received)
        {
            if (received.Identifier == identifier && received.Sequence == waitingFor)
                answer = received;
        }

        Network.Ipv4.Icmp.Received += OnIcmp;
        for (ushort sequence = 1; sequence <= count; sequence++)
        {
            answer = null;
            waitingFor = sequence;
            long sentAt = scheduler.NowNanoseconds;
            Network.Ipv4.Icmp.SendEchoRequest(destination, identifier, sequence,
                PingDataLength, timeToLive: PingTimeToLive);
            scheduler.RunUntil(() => answer is not null, scheduler.Now + PingTimeout);
            output.WriteLine(Describe(destination, sequence, answer, sentAt));
            scheduler.RunUntil(TimeSpan.FromTicks(sentAt / 100) + PingInterval);
        }

        Network.Ipv4.Icmp.Received -= OnIcmp;
    }

    /// <summary>
    /// `trace HOST [-m MAXTTL]`: VPCS's traceroute, UDP probes, three per hop, eight hops
    /// by default; the last hop is marked with `*` before its address.
    /// </summary>
    private void Trace(string[] words, TextWriter output)
    {
        if (words.Length < 2 || !Ipv4Address.TryParse(words[1], out var destination))
        {
            output.WriteLine("Invalid address");
            return;
        }

        int maximum = 8;
        for (int i = 2; i + 1 < words.Length; i++)
        {
            if (words[i] == "-m" && int.TryParse(words[i + 1], out int hops) && hops is > 0 and < 65)
                maximum = hops;
        }

        output.WriteLine($"trace to {destination}, {maximum} hops max, press Ctrl+C to stop");
        var probe = new TracerouteProbe(Network);
        for (int hop = 1; hop <= maximum; hop++)
        {
            var line = new System.Text.StringBuilder($"{hop,2}   ");
            bool reached = false;
            Ipv4Address? shown = null;
            for (int i = 0; i < 3 && !reached; i++)
            {
                var answer = probe.Send(destination, (byte)hop, PingTimeout);
                if (answer is not { } reply)
                {
                    line.Append("  *");
                    continue;
                }

                reached = reply.Type == IcmpService.TypeDestinationUnreachable;
                if (shown != reply.From)
                {
                    line.Append(reached ? $"*{reply.From}   " : $"{reply.From}   ");
                    shown = reply.From;
                }

                line.Append($"{Milliseconds(reply.RoundTripNanoseconds)} ms  ");
                if (reached)
                    line.Append($"(ICMP type:{reply.Type}, code:{reply.Code}, " +
                                $"{UnreachableText(reply.Type, reply.Code)})");
            }

            output.WriteLine(line.ToString().TrimEnd());
            if (reached)
                return;
        }
    }

    private static string Describe(Ipv4Address destination, ushort sequence,
        IcmpReceived? answer, long sentAtNanoseconds)
    {
        if (answer is not { } reply)
            return $"{destination} icmp_seq={sequence} timeout";

        if (reply.Type != IcmpService.TypeEchoReply)
            return $"*{reply.Source} icmp_seq={sequence} ttl={reply.TimeToLive} " +
                   $"time={Milliseconds(reply.ReceivedAtNanoseconds - sentAtNanoseconds)} ms " +
                   $"(ICMP type:{reply.Type}, code:{reply.Code}, {UnreachableText(reply.Type, reply.Code)})";

        return $"{reply.PacketLength} bytes from {reply.Source} icmp_seq={sequence} " +
               $"ttl={reply.TimeToLive} " +
               $"time={Milliseconds(reply.ReceivedAtNanoseconds - sentAtNanoseconds)} ms";
    }

    private static string UnreachableText(byte type, byte code) => type switch
    {
        IcmpService.TypeTimeExceeded => "Time to live exceeded",
        _ => code switch
        {
            IcmpService.UnreachableNetwork => "Destination network unreachable",
            IcmpService.UnreachableHost => "Destination host unreachable",
            IcmpService.UnreachablePort => "Destination port unreachable",
            _ => "Destination unreachable",
        },
    };

    private static string Milliseconds(long nanoseconds) =>
        (nanoseconds / 1_000_000.0).ToString("0.000", CultureInfo.InvariantCulture);
}

using DmvpnLab.Ios;
using DmvpnLab.Ios.Text;
using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Net.Commands;

/// <summary>`show interfaces [NAME]` and `show ip interface brief`, in IOS 15's layout.</summary>
public static class ShowInterfacesCommands
{
    public static void Register(CliModes modes)
    {
        var commands = modes.UserExec.Commands;
        commands.Register("show interfaces", context =>
        {
            foreach (var networkInterface in context.Node().Interfaces)
                Write(networkInterface, context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show interfaces <IFNAME:name>", context =>
        {
            var found = context.Node().FindInterface(context["name"].Text);
            if (found is null)
                return CommandResult.Error("% Invalid input detected at '^' marker.");

            Write(found, context.Output);
            return CommandResult.Ok;
        });
        commands.Register("show ip interface brief", context =>
        {
            WriteBrief(context.Node(), context.Output);
            return CommandResult.Ok;
        });
    }

    public static string StatusText(NetworkInterface networkInterface) =>
        !networkInterface.AdminUp ? "administratively down"
        : networkInterface.LineProtocolUp ? "up" : "down";

    public static void Write(NetworkInterface networkInterface, TextWriter output)
    {
        var node = networkInterface.Node;
        string status = StatusText(networkInterface);
        string protocol = networkInterface.IsUp ? "up" : "down";
        var counters = networkInterface.Counters;
        output.WriteLine($"{networkInterface.Name} is {status}, line protocol is {protocol}");
        output.WriteLine($"  Hardware is {networkInterface.HardwareDescription}");
        if (networkInterface.Description is { } description)
            output.WriteLine($"  Description: {description}");
        if (networkInterface.HasAddress)
            output.WriteLine($"  Internet address is {networkInterface.Address}/" +
                             $"{networkInterface.PrefixLength}");

        output.WriteLine($"  MTU {networkInterface.Mtu} bytes, BW {networkInterface.BandwidthKilobits}" +
                         $" Kbit/sec, DLY {networkInterface.DelayMicroseconds} usec,");
        output.WriteLine("     reliability 255/255, txload 1/255, rxload 1/255");
        networkInterface.WriteEncapsulationDetails(output);
        output.WriteLine("  Last input 00:00:00, output 00:00:00, output hang never");
        output.WriteLine("  Last clearing of \"show interface\" counters never");
        output.WriteLine("  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: " +
                         counters.OutputDrops);
        output.WriteLine("  Queueing strategy: fifo");
        output.WriteLine("  Output queue: 0/40 (size/max)");
        string interval = IntervalText(networkInterface.LoadIntervalSeconds);
        output.WriteLine($"  {interval} input rate 0 bits/sec, 0 packets/sec");
        output.WriteLine($"  {interval} output rate 0 bits/sec, 0 packets/sec");
        output.WriteLine($"     {counters.InputPackets} packets input, {counters.InputBytes} bytes, 0 no buffer");
        output.WriteLine("     Received 0 broadcasts (0 IP multicasts)");
        output.WriteLine("     0 runts, 0 giants, 0 throttles ");
        output.WriteLine($"     {counters.InputErrors} input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored");
        output.WriteLine($"     {counters.OutputPackets} packets output, {counters.OutputBytes} bytes, 0 underruns");
        output.WriteLine("     0 output errors, 0 collisions, 0 interface resets");
        output.WriteLine("     0 unknown protocol drops");
        output.WriteLine("     0 output buffer failures, 0 output buffers swapped out");
        _ = node;
    }

    /// <summary>`load-interval 30` makes IOS say "30 second"; the default says "5 minute".</summary>
    private static string IntervalText(int seconds) =>
        seconds % 60 == 0 ? $"{seconds / 60} minute" : $"{seconds} second";

    public static void WriteBrief(NetworkNode node, TextWriter output)
    {
        output.WriteLine("Interface                  IP-Address      OK? Method Status                Protocol");
        foreach (var networkInterface in node.Interfaces)
        {
            string address = networkInterface.HasAddress ? networkInterface.Address.ToString() : "unassigned";
            string method = networkInterface.HasAddress ? "manual" : "unset ";
            output.WriteLine($"{networkInterface.Name,-27}{address,-16}YES {method,-7}" +
                             $"{StatusText(networkInterface),-22}{(networkInterface.IsUp ? "up" : "down")}");
        }
    }
}

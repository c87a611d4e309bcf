using DmvpnLab.Ios.RunningConfig;

namespace DmvpnLab.Ios.Tests;

/// <summary>
/// A router CLI shaped like the seed's HUB and spokes, with handlers that only record what
/// they were called with, so tests see exactly what the machinery passed.
/// </summary>
internal sealed class SampleRouter
{
    public const string CryptoIpsecSa = """
        interface: Tunnel1
            Crypto map tag: Tunnel1-head-0, local addr 10.10.10.1

           current_peer 10.10.10.5 port 500
             PERMIT, flags={origin_is_acl,}
            #pkts encaps: 40, #pkts encrypt: 40, #pkts digest: 40
            #pkts decaps: 41, #pkts decrypt: 41, #pkts verify: 41

           current_peer 10.10.10.9 port 500
            #pkts encaps: 7, #pkts encrypt: 7, #pkts digest: 7
            #pkts decaps: 6, #pkts decrypt: 6, #pkts verify: 6
        """;

    public SampleRouter(string hostname = "Router")
    {
        Modes = new CliModes();
        Device = new CliDevice(Modes, hostname);
        Interface = Modes.Register("config-if");
        Isakmp = Modes.Register("config-isakmp");
        Transform = Modes.Register("config-crypto-trans");
        Profile = Modes.Register("config-crypto-profile");
        Router = Modes.Register("config-router");
        RegisterGlobal();
        RegisterInterface();
        RegisterCrypto();
        RegisterExec();
    }

    public CliModes Modes { get; }

    public CliDevice Device { get; }

    public CliMode Interface { get; }

    public CliMode Isakmp { get; }

    public CliMode Transform { get; }

    public CliMode Profile { get; }

    public CliMode Router { get; }

    /// <summary>One entry per handler call: "mode|pattern|flags|args|context".</summary>
    public List<string> Calls { get; } = new();

    public List<string> IpRoutes { get; } = new();

    public Dictionary<string, List<string>> InterfaceLines { get; } = new();

    private CommandResult Record(CommandContext context)
    {
        string flags = (context.Negated ? "no" : "") + (context.Defaulted ? "default" : "")
            + (context.IsComplete ? "" : "partial");
        string arguments = string.Join(",", context.Arguments.Select(a => a.Text));
        Calls.Add($"{context.Command.Mode.Name}|{context.Command.Pattern}|{flags}|{arguments}"
            + $"|{context.ModeContext}");
        if (context.ModeContext is string name && context.Command.Mode == Interface)
        {
            InterfaceLines[name].Add(context.Line);
        }

        return CommandResult.Ok;
    }

    private void On(CliMode mode, string pattern) => mode.Commands.Register(pattern, Record);

    private void RegisterGlobal()
    {
        var global = Modes.GlobalConfig;
        global.Commands.Register("hostname <WORD>", context =>
        {
            Record(context);
            context.State.Device.Hostname = context[0].Text;
            return CommandResult.Ok;
        }, allowsNo: false);
        global.Commands.Register("interface <IFNAME>", context =>
        {
            Record(context);
            InterfaceLines.TryAdd(context[0].Text, new List<string>());
            return CommandResult.Enter(Interface, context[0].Text);
        });
        global.Commands.Register("ip route <A.B.C.D:prefix> <A.B.C.D:mask> <A.B.C.D:next-hop>",
            context =>
            {
                Record(context);
                IpRoutes.Add($"{context["prefix"]} {context["mask"]} {context["next-hop"]}");
                return CommandResult.Ok;
            });
        global.Commands.Register("router eigrp <1-65535>", context =>
        {
            Record(context);
            return CommandResult.Enter(Router, context[0].Number);
        });
        On(Router, "network <A.B.C.D> [<A.B.C.D>]");
        On(Router, "auto-summary");
    }

    private void RegisterInterface()
    {
        foreach (string pattern in new[]
        {
            "description <LINE>",
            "ip address <A.B.C.D:address> <A.B.C.D:mask>",
            "ip mtu <68-17912>",
            "ip nhrp authentication <WORD>",
            "ip nhrp network-id <1-4294967295>",
            "ip nhrp map multicast {dynamic|<A.B.C.D:nbma>}",
            "ip nhrp map <A.B.C.D:ip> <A.B.C.D:nbma>",
            "ip nhrp nhs <A.B.C.D>",
            "ip nhrp registration no-unique",
            "ip split-horizon eigrp <1-65535>",
            "ip next-hop-self eigrp <1-65535>",
            "tunnel source <IFNAME>",
            "tunnel mode gre multipoint",
            "tunnel key <0-4294967295>",
            "tunnel protection ipsec profile <WORD>",
            "load-interval <30-600>",
            "keepalive [<1-32767:period> [<1-255:retries>]]",
            "bandwidth <1-10000000>",
            "delay <1-16777215>",
            "shutdown",
        })
        {
            On(Interface, pattern);
        }
    }

    private void RegisterCrypto()
    {
        var global = Modes.GlobalConfig;
        global.Commands.Register("crypto isakmp policy <1-10000>", context =>
        {
            Record(context);
            return CommandResult.Enter(Isakmp, context[0].Number);
        });
        On(global, "crypto isakmp key <WORD:key> address <A.B.C.D:peer>");
        global.Commands.Register(
            "crypto ipsec transform-set <WORD:name> <WORD:t1> [<WORD:t2> [<WORD:t3>]]",
            context =>
            {
                Record(context);
                return CommandResult.Enter(Transform, context["name"].Text);
            });
        global.Commands.Register("crypto ipsec profile <WORD>", context =>
        {
            Record(context);
            return CommandResult.Enter(Profile, context[0].Text);
        });
        On(Isakmp, "encryption {des|3des|aes}");
        On(Isakmp, "hash {md5|sha}");
        On(Isakmp, "authentication pre-share");
        On(Isakmp, "group <1-24>");
        On(Transform, "mode {tunnel|transport}");
        On(Profile, "set security-association lifetime seconds <120-86400>");
        On(Profile, "set transform-set <WORD>");
    }

    private void RegisterExec()
    {
        var exec = Modes.UserExec.Commands;
        exec.Register("show ip route [<A.B.C.D>]", Record);
        exec.Register("show ip nhrp [brief]", context =>
        {
            Record(context);
            context.Output.WriteLine(context.Has("brief") ? "nhrp brief" : "nhrp full");
            return CommandResult.Ok;
        });
        exec.Register("show ip nhrp nhs [detail]", Record);
        exec.Register("show ip interface brief", Record);
        exec.Register("show interfaces [<IFNAME>]", context =>
        {
            Record(context);
            context.Output.WriteLine($"{context.Find("IFNAME")?.Text ?? "all"} is up");
            context.Output.WriteLine("  MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,");
            context.Output.WriteLine("  Tunnel protocol/transport multi-GRE/IP");
            context.Output.WriteLine("  Tunnel transmit bandwidth 8000 (kbps)");
            return CommandResult.Ok;
        });
        exec.Register("show crypto ipsec sa", context =>
        {
            context.Output.Write(CryptoIpsecSa + "\n");
            return CommandResult.Ok;
        });
        exec.Register("show dmvpn", Record);
        exec.Register("ping <A.B.C.D>", Record);
        var privileged = Modes.PrivilegedExec.Commands;
        privileged.Register("show running-config", context =>
        {
            context.Output.Write(RunningConfig().RenderBody());
            return CommandResult.Ok;
        });
        privileged.Register("debug nhrp [packet]", Record);
        privileged.Register("clear crypto sa", Record);
    }

    private RunningConfigBuilder RunningConfig()
    {
        var builder = new RunningConfigBuilder();
        builder.Section(RunningConfigOrder.Hostname, null).Add($"hostname {Device.Hostname}");
        foreach (var (name, lines) in InterfaceLines)
        {
            var section = builder.Section(RunningConfigOrder.Interface, $"interface {name}");
            lines.ForEach(l => section.Add(l));
        }

        var routes = builder.Section(RunningConfigOrder.IpStatic, null);
        IpRoutes.ForEach(r => routes.Add($"ip route {r}"));
        return builder;
    }
}

using DmvpnLab.Ios.Config;

namespace DmvpnLab.Ios.Tests;

/// <summary>The example from the Ios README, kept compiling and passing.</summary>
public class UsageExampleTests
{
    private sealed class Tunnel(string name)
    {
        public string Name { get; } = name;

        public uint? Key { get; set; }

        public List<(uint Ip, uint Nbma)> Maps { get; } = new();
    }

    [Fact]
    public void RegisterAndLoad()
    {
        var modes = new CliModes();
        var configIf = modes.Register("config-if");
        var tunnels = new Dictionary<string, Tunnel>();
        modes.GlobalConfig.Commands.Register("interface <IFNAME>", c =>
            CommandResult.Enter(configIf, tunnels.TryGetValue(c[0].Text, out var t)
                ? t : tunnels[c[0].Text] = new Tunnel(c[0].Text)));
        configIf.Commands.Register("tunnel key <0-4294967295>", c =>
        {
            c.ModeContextAs<Tunnel>().Key = c.Negated ? null : (uint)c[0].Number;
            return CommandResult.Ok;
        });
        configIf.Commands.Register("ip nhrp map <A.B.C.D:ip> <A.B.C.D:nbma>", c =>
        {
            c.ModeContextAs<Tunnel>().Maps.Add((c["ip"].Ipv4Value, c["nbma"].Ipv4Value));
            return CommandResult.Ok;
        });
        var device = new CliDevice(modes, "SPOKE-1");

        var result = new ConfigLoader(device).Load(
            "int tun 1\n tunnel key 100000 !! pick the tunnel\n ip nhrp map 172.16.1.1 10.10.10.1\n"
            + " tunnel key 5000000000\n", "SPOKE-1.cfg");

        Assert.Equal(100000u, tunnels["Tunnel1"].Key);
        Assert.Single(tunnels["Tunnel1"].Maps);
        Assert.Equal(1, result.RemarksIgnored);
        Assert.Equal("SPOKE-1.cfg:4: % Invalid input detected at '^' marker.\n"
            + " tunnel key 5000000000\n            ^", result.Errors.Single().ToString());
        var session = new CliSession(device, privileged: true);
        Assert.Equal("SPOKE-1#", session.Prompt);
    }
}

using DmvpnLab.Ios;
using DmvpnLab.Ios.Config;
using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Protocols.Gre;
using DmvpnLab.Sim;

namespace DmvpnLab.Lab.Nodes;

/// <summary>
/// An emulated IOS router: GigabitEthernet ports, the shared IOS command tree, and the
/// protocols attached to its network node. Ports start `no shutdown`, as on IOL images,
/// so configs written for such labs come up without extra lines.
/// </summary>
public sealed class IosRouter : ILabNode
{
    private readonly CliSession session;

    public IosRouter(string name, Scheduler scheduler, PacketBufferPool pool, int nodeNumber,
        int ports, LabOptions options)
    {
        Name = name;
        Network = new NetworkNode(name, scheduler, pool, nodeNumber);
        for (int port = 0; port < ports; port++)
        {
            Network.AddInterface(new EthernetInterface(Network, $"GigabitEthernet0/{port}",
                Network.NewMacAddress(port)));
        }

        ProtocolSetup.Attach(Network);
        Device = new CliDevice(IosCommandSet.Modes, "Router", Network);
        session = new CliSession(Device, privileged: true);
    }

    public string Name { get; }

    public NetworkNode Network { get; }

    public CliDevice Device { get; }

    public string Prompt => session.Prompt;

    public bool IsConverged => Network.IsConverged;

    public EthernetInterface? FindPort(string name) =>
        InterfaceNames.TryNormalize(name, out string full)
            ? Network.FindInterface(full) as EthernetInterface
            : null;

    public void Boot(string configText, string fileName, ILabLog log)
    {
        // Old Macintosh files end lines with a bare CR; IOS would see them as lines too.
        var result = new ConfigLoader(Device).Load(configText.ReplaceLineEndings("\n"), fileName);
        foreach (var diagnostic in result.Diagnostics)
            log.Warning(diagnostic.ToString());

        if (result.EndLineNumber is { } end && result.LinesAfterEnd > 0)
            log.Warning($"{fileName}:{end}: configuration ends here; " +
                        $"{result.LinesAfterEnd} lines after it were not applied");

        if (result.RemarksIgnored > 0)
            log.Info($"{fileName}: ignored {result.RemarksIgnored} `!!` remarks");
    }

    public void Execute(string line, TextWriter output) => session.Execute(line, output);
}

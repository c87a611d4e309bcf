using System.CommandLine;
using DmvpnLab.Cli.Verbs;

namespace DmvpnLab.Cli;

/// <summary>The `dmvpnlab` executable: one verb per job, each in its own file.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("DmvpnLab: emulated Cisco DMVPN labs in one process")
        {
            RunVerb.Create(),
            ConsoleVerb.Create(),
            PcapVerb.Create(),
            GenerateVerb.Create(),
            BenchVerb.Create(),
        };
        return root.Parse(args).Invoke();
    }
}

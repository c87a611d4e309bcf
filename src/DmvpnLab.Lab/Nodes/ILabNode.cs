using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;

namespace DmvpnLab.Lab.Nodes;

/// <summary>A node of a lab as the loader, the script runner and the console see it.</summary>
public interface ILabNode
{
    string Name { get; }

    NetworkNode Network { get; }

    /// <summary>The prompt as the node shows it now, e.g. <c>HUB#</c> or <c>VPC-4&gt;</c>.</summary>
    string Prompt { get; }

    /// <summary>Finds a cable-able interface by any spelling a lab file may use.</summary>
    EthernetInterface? FindPort(string name);

    /// <summary>Applies the startup configuration; diagnostics go to the lab log.</summary>
    void Boot(string configText, string fileName, ILabLog log);

    /// <summary>
    /// Runs one command line and writes its output. Commands that take time (ping)
    /// advance the lab's clock themselves; nothing else runs meanwhile.
    /// </summary>
    void Execute(string line, TextWriter output);

    /// <summary>True once the node's protocols have nothing left to settle.</summary>
    bool IsConverged { get; }
}

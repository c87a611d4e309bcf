namespace DmvpnLab.Lab.Definition;

/// <summary>
/// The contents of a lab's <c>lab.yaml</c>, shaped like a containerlab topology file:
/// a name, then nodes (kind and config file) and links between node:interface pairs.
/// </summary>
public sealed class LabDefinition
{
    public string Name { get; set; } = "";

    /// <summary>The seed for every random choice; the same seed replays the same lab.</summary>
    public int Seed { get; set; } = 1;

    public TopologyDefinition Topology { get; set; } = new();
}

public sealed class TopologyDefinition
{
    public Dictionary<string, NodeDefinition> Nodes { get; set; } = new();

    public List<LinkDefinition> Links { get; set; } = new();
}

public sealed class NodeDefinition
{
    /// <summary>`ios` (a router) or `vpcs` (a virtual PC).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The startup config file, relative to the lab folder.</summary>
    public string? Config { get; set; }

    /// <summary>
    /// For routers: the number of GigabitEthernet ports (Gi0/0 …), four like IOSv by default.
    /// </summary>
    public int? Ports { get; set; }
}

public sealed class LinkDefinition
{
    /// <summary>Exactly two `node:interface` strings.</summary>
    public List<string> Endpoints { get; set; } = new();

    /// <summary>One-way delay such as `2ms`; the lab default is 1 ms.</summary>
    public string? Delay { get; set; }

    /// <summary>Probability (0–1) that a frame is lost.</summary>
    public double? Loss { get; set; }
}

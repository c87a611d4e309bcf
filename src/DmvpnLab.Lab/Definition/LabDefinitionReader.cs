using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DmvpnLab.Lab.Definition;

/// <summary>Reads and checks <c>lab.yaml</c>; every fault becomes a <see cref="LabLoadException"/>.</summary>
public static class LabDefinitionReader
{
    public const string FileName = "lab.yaml";

    public static LabDefinition Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new LabLoadException($"{folder}: no such lab folder");

        string path = Path.Combine(folder, FileName);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"{path}: cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    public static LabDefinition Parse(string text, string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(HyphenatedNamingConvention.Instance)
            .WithDuplicateKeyChecking()
            .Build();
        LabDefinition? definition;
        try
        {
            definition = deserializer.Deserialize<LabDefinition>(text);
        }
        catch (YamlException e)
        {
            string reason = e.InnerException?.Message ?? e.Message;
            throw new LabLoadException(
                $"{path}:{e.Start.Line}: {FirstLine(reason)}");
        }

        if (definition is null)
            throw new LabLoadException($"{path}: the file is empty");

        Check(definition, path);
        return definition;
    }

    /// <summary>
    /// The most ports a router may have. Real platforms have a handful; the generated
    /// labs' emulated internet routers need one per edge router or per 64 spokes.
    /// </summary>
    public const int MaximumPorts = 4096;

    /// <summary>Durations longer than this (a virtual year) are refused, not wrapped.</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromDays(366);

    private static void Check(LabDefinition definition, string path)
    {
        // Empty YAML values deserialize to null whatever the property's initializer says.
        var topology = definition.Topology ??
            throw new LabLoadException($"{path}: topology is missing");
        if (topology.Nodes is null || topology.Nodes.Count == 0)
            throw new LabLoadException($"{path}: topology has no nodes");

        topology.Links ??= new List<LinkDefinition>();
        foreach (var (name, node) in topology.Nodes)
            CheckNode(name, node, path);

        var cabled = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < topology.Links.Count; i++)
            CheckLink(topology.Links[i], i, topology, cabled, path);
    }

    private static void CheckNode(string name, NodeDefinition? node, string path)
    {
        if (node is null)
            throw new LabLoadException($"{path}: node {name}: kind is missing");

        if (node.Kind is not ("ios" or "vpcs"))
            throw new LabLoadException(
                $"{path}: node {name}: unknown kind '{node.Kind}' (expected ios or vpcs)");

        if (node.Ports is < 1 or > MaximumPorts)
            throw new LabLoadException(
                $"{path}: node {name}: ports must be between 1 and {MaximumPorts}");
    }

    private static void CheckLink(LinkDefinition? link, int index, TopologyDefinition topology,
        HashSet<string> cabled, string path)
    {
        string where = $"{path}: link {index + 1}";
        if (link?.Endpoints is null || link.Endpoints.Count != 2)
            throw new LabLoadException(
                $"{where}: needs exactly two endpoints, has {link?.Endpoints?.Count ?? 0}");

        foreach (string? endpoint in link.Endpoints)
        {
            if (endpoint is null)
                throw new LabLoadException($"{where}: an endpoint is empty");

            var (node, _) = SplitEndpoint(endpoint, path, index);
            if (!topology.Nodes.ContainsKey(node))
                throw new LabLoadException($"{where}: unknown node '{node}'");
        }

        if (link.Delay is not null)
            ParseDuration(link.Delay, $"{where}: delay");

        if (link.Loss is { } loss && !(loss >= 0 && loss <= 1))
            throw new LabLoadException($"{where}: loss must be between 0 and 1");
    }

    public static (string Node, string Interface) SplitEndpoint(string endpoint, string path,
        int linkIndex)
    {
        int colon = endpoint.IndexOf(':');
        if (colon <= 0 || colon == endpoint.Length - 1)
            throw new LabLoadException(
                $"{path}: link {linkIndex + 1}: endpoint '{endpoint}' is not node:interface");

        return (endpoint[..colon], endpoint[(colon + 1)..]);
    }

    /// <summary>Parses `250us`, `2ms`, `1.5s`, `30s`, `2m`, `1h`.</summary>
    public static TimeSpan ParseDuration(string text, string what)
    {
        if (TryParseDuration(text, out var duration))
            return duration;

        throw new LabLoadException(
            $"{what}: '{text}' is not a duration such as 2ms or 30s (at most 366 days)");
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        string trimmed = text.Trim();
        (string suffix, double ticksPerUnit)[] units =
        [
            ("us", TimeSpan.TicksPerMillisecond / 1000.0), ("ms", TimeSpan.TicksPerMillisecond),
            ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute),
            ("h", TimeSpan.TicksPerHour),
        ];
        foreach (var (suffix, ticksPerUnit) in units)
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
                continue;

            if (!double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float,
                    CultureInfo.InvariantCulture, out double value) || !(value >= 0))
                return false;

            double ticks = value * ticksPerUnit;
            if (!(ticks <= MaximumDuration.Ticks))
                return false;

            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }

        return false;
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return newline < 0 ? text : text[..newline];
    }
}

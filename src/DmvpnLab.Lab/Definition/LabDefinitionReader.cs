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

    private static void Check(LabDefinition definition, string path)
    {
        if (definition.Topology.Nodes.Count == 0)
            throw new LabLoadException($"{path}: topology has no nodes");

        foreach (var (name, node) in definition.Topology.Nodes)
        {
            if (node.Kind is not ("ios" or "vpcs"))
                throw new LabLoadException(
                    $"{path}: node {name}: unknown kind '{node.Kind}' (expected ios or vpcs)");
        }

        for (int i = 0; i < definition.Topology.Links.Count; i++)
        {
            var link = definition.Topology.Links[i];
            if (link.Endpoints.Count != 2)
                throw new LabLoadException(
                    $"{path}: link {i + 1}: needs exactly two endpoints, has {link.Endpoints.Count}");

            foreach (string endpoint in link.Endpoints)
            {
                var (node, _) = SplitEndpoint(endpoint, path, i);
                if (!definition.Topology.Nodes.ContainsKey(node))
                    throw new LabLoadException($"{path}: link {i + 1}: unknown node '{node}'");
            }

            if (link.Delay is not null)
                ParseDuration(link.Delay, $"{path}: link {i + 1}: delay");

            if (link.Loss is < 0 or > 1)
                throw new LabLoadException($"{path}: link {i + 1}: loss must be between 0 and 1");
        }
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

        throw new LabLoadException($"{what}: '{text}' is not a duration such as 2ms or 30s");
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
                    CultureInfo.InvariantCulture, out double value) || value < 0)
                return false;

            duration = TimeSpan.FromTicks((long)(value * ticksPerUnit));
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

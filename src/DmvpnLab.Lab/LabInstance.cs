using DmvpnLab.Lab.Captures;
using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Nodes;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Sim;

namespace DmvpnLab.Lab;

/// <summary>
/// A loaded lab: its nodes, the links between them, the captures on those links, one
/// scheduler and one seed. Loading cables everything; <see cref="Boot"/> applies the
/// configs at virtual time zero.
/// </summary>
public sealed class LabInstance : IDisposable
{
    public static readonly TimeSpan DefaultLinkDelay = TimeSpan.FromMilliseconds(1);

    /// <summary>Captures are stamped from this instant (IOS's default clock, 1 March).</summary>
    public static readonly DateTimeOffset CaptureEpoch = new(2017, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, ILabNode> nodes = new(StringComparer.Ordinal);
    private readonly List<Link> links = new();
    private readonly List<LinkCapture> captures = new();

    private LabInstance(string folder, LabDefinition definition, int seed)
    {
        Folder = folder;
        Definition = definition;
        Scheduler = new Scheduler(seed);
        Pool = new PacketBufferPool();
    }

    public string Folder { get; }

    public LabDefinition Definition { get; }

    public Scheduler Scheduler { get; }

    public PacketBufferPool Pool { get; }

    public LabLog Log { get; } = new();

    public IReadOnlyDictionary<string, ILabNode> Nodes => nodes;

    public IReadOnlyList<Link> Links => links;

    public IReadOnlyList<LinkCapture> Captures => captures;

    public string? CaptureFolder { get; private set; }

    /// <summary>Reads the lab folder and cables it; throws <see cref="LabLoadException"/>.</summary>
    public static LabInstance Load(string folder, LabOptions? options = null)
    {
        options ??= new LabOptions();
        var definition = LabDefinitionReader.Read(folder);
        var lab = new LabInstance(folder, definition, options.Seed ?? definition.Seed);
        lab.CreateNodes(options);
        lab.CreateLinks(options);
        return lab;
    }

    /// <summary>Creates a lab from a definition already in memory (generated labs, tests).</summary>
    public static LabInstance FromDefinition(string folder, LabDefinition definition,
        LabOptions? options = null)
    {
        options ??= new LabOptions();
        var lab = new LabInstance(folder, definition, options.Seed ?? definition.Seed);
        lab.CreateNodes(options);
        lab.CreateLinks(options);
        return lab;
    }

    private void CreateNodes(LabOptions options)
    {
        int number = 0;
        foreach (var (name, node) in Definition.Topology.Nodes)
        {
            number++;
            ILabNode created = node.Kind switch
            {
                "vpcs" => new VpcsHost(name, Scheduler, Pool, number),
                _ => new IosRouter(name, Scheduler, Pool, number, node.Ports ?? 4, options),
            };
            nodes.Add(name, created);
        }
    }

    private void CreateLinks(LabOptions options)
    {
        string path = Path.Combine(Folder, LabDefinitionReader.FileName);
        if (options.CaptureFolder is { } captureFolder)
        {
            Directory.CreateDirectory(captureFolder);
            CaptureFolder = captureFolder;
            CryptoKeyExport.Attach(this);
        }

        for (int i = 0; i < Definition.Topology.Links.Count; i++)
        {
            var definition = Definition.Topology.Links[i];
            var a = FindPort(definition.Endpoints[0], path, i);
            var b = FindPort(definition.Endpoints[1], path, i);
            if (ReferenceEquals(a, b))
                throw new LabLoadException(
                    $"{path}: link {i + 1}: both ends are {a.Node.Name}:{a.Name}");
            foreach (var port in new[] { a, b })
            {
                if (port.Link is not null)
                    throw new LabLoadException(
                        $"{path}: link {i + 1}: {port.Node.Name}:{port.Name} is already cabled");
            }

            var link = new Link(Scheduler, Pool, $"{a.Node.Name}:{a.Name}--{b.Node.Name}:{b.Name}",
                a, b)
            {
                Delay = definition.Delay is null
                    ? DefaultLinkDelay
                    : LabDefinitionReader.ParseDuration(definition.Delay, path),
                LossProbability = definition.Loss ?? 0,
            };
            a.Attach(link);
            b.Attach(link);
            links.Add(link);
            if (CaptureFolder is not null)
                AddCapture(link, a, b);
        }
    }

    private void AddCapture(Link link, EthernetInterface a, EthernetInterface b)
    {
        string file = $"{a.Node.Name}_{a.ShortName}--{b.Node.Name}_{b.ShortName}.pcap"
            .Replace('/', '-');
        var capture = new LinkCapture(Path.Combine(CaptureFolder!, file), CaptureEpoch);
        link.Tap = capture;
        captures.Add(capture);
    }

    private EthernetInterface FindPort(string endpoint, string path, int linkIndex)
    {
        var (nodeName, interfaceName) =
            LabDefinitionReader.SplitEndpoint(endpoint, path, linkIndex);
        var node = nodes[nodeName];
        return node.FindPort(interfaceName) ?? throw new LabLoadException(
            $"{path}: link {linkIndex + 1}: node {nodeName} has no interface '{interfaceName}'");
    }

    /// <summary>Applies every node's startup config at the current virtual time.</summary>
    public void Boot()
    {
        foreach (var (name, node) in nodes)
        {
            var definition = Definition.Topology.Nodes[name];
            if (definition.Config is null)
            {
                node.Boot("", name, Log);
                continue;
            }

            node.Boot(ReadConfig(name, definition.Config), definition.Config, Log);
        }
    }

    /// <summary>The most a config file may hold; a router config is a few kilobytes.</summary>
    public const long MaximumConfigBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads a node's config. It must be a regular file inside the lab folder: a lab
    /// copied from elsewhere must not read, and echo into its log, other files.
    /// </summary>
    private string ReadConfig(string node, string relativePath)
    {
        string folder = Path.GetFullPath(Folder);
        string path = Path.GetFullPath(Path.Combine(folder, relativePath));
        string where = $"{Path.Combine(Folder, LabDefinitionReader.FileName)}: node {node}";
        if (!path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar,
                StringComparison.Ordinal))
            throw new LabLoadException($"{where}: config '{relativePath}' is outside the lab folder");

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Attributes.HasFlag(FileAttributes.Device) ||
                info.LinkTarget is not null)
                throw new LabLoadException($"{where}: config '{relativePath}' is not a regular file");

            if (info.Length > MaximumConfigBytes)
                throw new LabLoadException($"{where}: config '{relativePath}' is larger than 16 MiB");

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"{path}: cannot read: {e.Message}");
        }
    }

    /// <summary>
    /// Runs the lab until every node reports converged, then a little longer so that
    /// what convergence set in motion settles. Returns false if the limit passed first.
    /// </summary>
    public bool WaitConverged(TimeSpan limit)
    {
        var deadline = Scheduler.Now + limit;
        bool converged = Scheduler.RunUntil(AllConverged, deadline);
        if (converged)
            Scheduler.RunFor(TimeSpan.FromSeconds(1));
        return converged;
    }

    public bool AllConverged()
    {
        foreach (var node in nodes.Values)
        {
            if (!node.IsConverged)
                return false;
        }

        return true;
    }

    /// <summary>Lets protocols write what they keep for after the run (SA keys) and flushes captures.</summary>
    public void Finish()
    {
        Finishing?.Invoke(this);
        foreach (var capture in captures)
            capture.Flush();
    }

    /// <summary>Raised by <see cref="Finish"/>; the key exporters hook it.</summary>
    public event Action<LabInstance>? Finishing;

    public void Dispose()
    {
        foreach (var capture in captures)
            capture.Dispose();
    }
}

using DmvpnLab.Lab;

namespace DmvpnLab.Lab.Tests;

/// <summary>
/// Builds a lab folder from file contents in a fresh temporary directory, loads it and
/// boots it; the folder is deleted on dispose. Scenario tests use it to drive a few
/// routers on the virtual clock.
/// </summary>
public sealed class TestLab : IDisposable
{
    private TestLab(string folder, LabInstance lab)
    {
        Folder = folder;
        Lab = lab;
    }

    public string Folder { get; }

    public LabInstance Lab { get; }

    /// <summary>Writes the files (name → text), loads and boots the lab.</summary>
    public static TestLab Boot(IReadOnlyDictionary<string, string> files, int seed = 1,
        bool captures = false)
    {
        string folder = Path.Combine(Path.GetTempPath(), "dmvpnlab-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
            File.WriteAllText(Path.Combine(folder, name), text);

        var lab = LabInstance.Load(folder, new LabOptions
        {
            Seed = seed,
            CaptureFolder = captures ? Path.Combine(folder, "captures") : null,
        });
        lab.Boot();
        return new TestLab(folder, lab);
    }

    /// <summary>Runs a command on a node and returns what it printed.</summary>
    public string Execute(string node, string command)
    {
        var output = new StringWriter { NewLine = "\n" };
        Lab.Nodes[node].Execute(command, output);
        return output.ToString();
    }

    public void Dispose()
    {
        Lab.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A capture still open on a slow file system: the temp folder is left behind.
        }
    }
}

namespace DmvpnLab.Lab;

/// <summary>The lab log: what the loader noticed, printed before the transcript.</summary>
public interface ILabLog
{
    void Info(string message);

    void Warning(string message);
}

/// <summary>A lab log that keeps its lines, for the transcript and for tests.</summary>
public sealed class LabLog : ILabLog
{
    private readonly List<string> lines = new();

    public IReadOnlyList<string> Lines => lines;

    public int WarningCount { get; private set; }

    public event Action<string>? LineAdded;

    public void Info(string message) => Add(message);

    public void Warning(string message)
    {
        WarningCount++;
        Add(message);
    }

    private void Add(string message)
    {
        lines.Add(message);
        LineAdded?.Invoke(message);
    }
}

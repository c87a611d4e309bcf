using DmvpnLab.Sim;

namespace DmvpnLab.Net;

/// <summary>
/// Where a node's debug and syslog messages go. Each `debug` category is a flag that
/// protocols check before they format anything, so a quiet node pays nothing.
/// </summary>
public sealed class NodeLog
{
    private readonly Scheduler scheduler;
    private readonly HashSet<string> enabledDebugs = new(StringComparer.OrdinalIgnoreCase);

    public NodeLog(Scheduler scheduler)
    {
        this.scheduler = scheduler;
    }

    /// <summary>Receives every line with its virtual time; the console and `run` subscribe.</summary>
    public event Action<long, string>? Line;

    public IReadOnlyCollection<string> EnabledDebugs => enabledDebugs;

    public bool IsDebugEnabled(string category) =>
        enabledDebugs.Count != 0 && enabledDebugs.Contains(category);

    public void EnableDebug(string category) => enabledDebugs.Add(category);

    public void DisableDebug(string category) => enabledDebugs.Remove(category);

    public void DisableAllDebugs() => enabledDebugs.Clear();

    public void Debug(string category, string message)
    {
        if (IsDebugEnabled(category))
            Line?.Invoke(scheduler.NowNanoseconds, message);
    }

    /// <summary>A syslog message such as `%DMVPN-5-NHRP_NHS_UP: …`, always emitted.</summary>
    public void Syslog(string message) => Line?.Invoke(scheduler.NowNanoseconds, message);
}

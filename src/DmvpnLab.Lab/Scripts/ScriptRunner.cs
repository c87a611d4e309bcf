using System.Globalization;
using System.Text.RegularExpressions;
using DmvpnLab.Ios.Text;
using DmvpnLab.Lab.Definition;

namespace DmvpnLab.Lab.Scripts;

/// <summary>
/// Replays a lab script and writes the transcript: each command with the node's
/// prompt and its answer, as a lab write-up shows it; waits, events and failed
/// expectations appear as `!` remark lines with the virtual time.
/// </summary>
public sealed class ScriptRunner
{
    public static readonly TimeSpan ConvergenceLimit = TimeSpan.FromMinutes(10);

    /// <summary>A pattern that backtracks without end must not hang the run.</summary>
    public static readonly TimeSpan ExpectTimeout = TimeSpan.FromSeconds(2);

    private readonly LabInstance lab;
    private readonly TextWriter transcript;
    private string lastOutput = "";

    public ScriptRunner(LabInstance lab, TextWriter transcript, bool showSyslog = false)
    {
        this.lab = lab;
        this.transcript = transcript;
        foreach (var node in lab.Nodes.Values)
        {
            string name = node.Name;
            node.Network.Log.Line += (time, message) =>
            {
                // Debug output always reaches the transcript (the script turned it on);
                // syslog messages only when asked for, since big labs log a lot.
                if (!showSyslog && message.StartsWith('%'))
                    return;

                var sinceBoot = TimeSpan.FromTicks(time / 100);
                transcript.WriteLine($"{name}: {IosTime.FormatTimestamp(sinceBoot)} {message}");
            };
        }
    }

    public int FailedExpectations { get; private set; }

    public bool ConvergenceTimedOut { get; private set; }

    public void Run(IReadOnlyList<ScriptLine> lines)
    {
        foreach (var line in lines)
            Run(line);
    }

    private void Run(ScriptLine line)
    {
        switch (line.Kind)
        {
            case ScriptLineKind.Command:
                RunCommand(line);
                break;
            case ScriptLineKind.Wait:
                lab.Scheduler.RunFor(line.Duration);
                Remark($"waited {line.Text[5..]}");
                break;
            case ScriptLineKind.WaitConverged:
                WaitConverged();
                break;
            case ScriptLineKind.Expect:
                Expect(line);
                break;
            case ScriptLineKind.LinkDown:
            case ScriptLineKind.LinkUp:
                SetLink(line);
                break;
            case ScriptLineKind.Reload:
                Remark($"reload {line.Node}: not supported yet, line {line.LineNumber} skipped");
                break;
        }
    }

    private void RunCommand(ScriptLine line)
    {
        var node = lab.Nodes[line.Node!];
        transcript.WriteLine($"{node.Prompt} {line.Text}");
        var output = new StringWriter { NewLine = "\n" };
        node.Execute(line.Text, output);
        lastOutput = output.ToString();
        transcript.Write(lastOutput);
        if (lastOutput.Length > 0 && !lastOutput.EndsWith('\n'))
            transcript.WriteLine();
        transcript.WriteLine(node.Prompt);
    }

    private void WaitConverged()
    {
        var started = lab.Scheduler.Now;
        if (lab.WaitConverged(ConvergenceLimit))
        {
            Remark($"converged after {Seconds(lab.Scheduler.Now - started)} s");
            return;
        }

        ConvergenceTimedOut = true;
        Remark($"NOT converged after {Seconds(ConvergenceLimit)} s");
    }

    private void Expect(ScriptLine line)
    {
        try
        {
            if (Regex.IsMatch(lastOutput, line.Text, RegexOptions.Multiline, ExpectTimeout))
                return;

            FailedExpectations++;
            Remark($"EXPECTATION FAILED (script line {line.LineNumber}): {line.Text}");
        }
        catch (RegexMatchTimeoutException)
        {
            FailedExpectations++;
            Remark($"EXPECTATION FAILED (script line {line.LineNumber}): the pattern took longer " +
                   $"than {ExpectTimeout.TotalSeconds} s to match: {line.Text}");
        }
    }

    private void SetLink(ScriptLine line)
    {
        bool up = line.Kind == ScriptLineKind.LinkUp;
        var (nodeName, interfaceName) = LabScript.SplitEndpoint(line.Text, line.LineNumber);
        var port = lab.Nodes[nodeName].FindPort(interfaceName);
        if (port?.Link is null)
        {
            Remark($"link {line.Text}: no such cabled interface (line {line.LineNumber})");
            return;
        }

        port.Link.SetState(up);
        Remark($"link {port.Link.Name} {(up ? "up" : "down")}");
    }

    private void Remark(string text) =>
        transcript.WriteLine($"! [{Clock(lab.Scheduler.Now)}] {text}");

    private static string Clock(TimeSpan time) =>
        time.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) =>
        time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}

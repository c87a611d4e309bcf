using System.CommandLine;
using System.Diagnostics;
using DmvpnLab.Lab;
using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Scripts;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab run LAB`: boots the lab, replays its script and prints the transcript.
/// Exit status 0 when every expectation held, 1 when one failed, 2 when the lab could
/// not be loaded.
/// </summary>
public static class RunVerb
{
    public static Command Create()
    {
        var folder = new Argument<string>("lab") { Description = "the lab folder (holds lab.yaml)" };
        var seed = new Option<int?>("--seed") { Description = "override the seed in lab.yaml" };
        var noCaptures = new Option<bool>("--no-captures")
        {
            Description = "do not write pcaps and SA keys under LAB/captures",
        };
        var syslog = new Option<bool>("--syslog")
        {
            Description = "also print the routers' syslog messages (%DUAL-5-…, %DMVPN-5-…)",
        };
        var command = new Command("run", "boot a lab, replay its script, print the transcript")
        {
            folder, seed, noCaptures, syslog,
        };
        command.SetAction(result => Run(result.GetValue(folder)!, result.GetValue(seed),
            !result.GetValue(noCaptures), Console.Out, result.GetValue(syslog)));
        return command;
    }

    public static int Run(string folder, int? seed, bool captures, TextWriter output,
        bool showSyslog = false)
    {
        var wallClock = Stopwatch.StartNew();
        try
        {
            var options = new LabOptions
            {
                Seed = seed,
                CaptureFolder = captures ? Path.Combine(folder, "captures") : null,
            };
            using var lab = LabInstance.Load(folder, options);
            string scriptPath = Path.Combine(folder, LabScript.FileName);
            var script = File.Exists(scriptPath)
                ? LabScript.Parse(File.ReadAllText(scriptPath), LabScript.FileName,
                    lab.Nodes.Keys.ToList())
                : [];

            output.WriteLine($"! lab {lab.Definition.Name}: {lab.Nodes.Count} nodes, " +
                             $"{lab.Links.Count} links, seed {lab.Scheduler.Seed}");
            lab.Log.LineAdded += line => output.WriteLine($"! {line.Replace("\n", "\n! ")}");
            var runner = new ScriptRunner(lab, output, showSyslog);
            lab.Boot();
            runner.Run(script);
            lab.Finish();
            output.WriteLine($"! run took {wallClock.Elapsed.TotalSeconds:0.00} s wall clock " +
                             $"for {lab.Scheduler.Now.TotalSeconds:0.0} s virtual time, " +
                             $"{lab.Scheduler.EventsExecuted} events");
            if (lab.CaptureFolder is not null)
                output.WriteLine($"! captures in {lab.CaptureFolder}");

            return runner.FailedExpectations == 0 && !runner.ConvergenceTimedOut ? 0 : 1;
        }
        catch (LabLoadException e)
        {
            Console.Error.WriteLine($"dmvpnlab: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"dmvpnlab: {e.Message}");
            return 2;
        }
    }
}

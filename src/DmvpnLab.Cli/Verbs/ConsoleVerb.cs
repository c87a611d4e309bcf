using System.CommandLine;
using System.Diagnostics;
using DmvpnLab.Ios.Text;
using DmvpnLab.Lab;
using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Nodes;
using DmvpnLab.Lab.Scripts;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab console LAB`: boots the lab, lets it converge, and gives an IOS-style
/// prompt on one node at a time, which shows that node's own log and debug messages.
/// From then on the lab's clock follows the wall clock: before each command it catches
/// up on the time that passed while you typed. Lines starting with a dot drive the
/// console itself: `.nodes`, `.connect NODE`, `.wait 30s`, `.quit`. When input is not a
/// terminal, each command is echoed after its prompt, so a piped session reads like one
/// typed by hand.
/// </summary>
public static class ConsoleVerb
{
    public static Command Create()
    {
        var folder = new Argument<string>("lab") { Description = "the lab folder (holds lab.yaml)" };
        var node = new Option<string?>("--node") { Description = "the node to attach to first" };
        var seed = new Option<int?>("--seed") { Description = "override the seed in lab.yaml" };
        var command = new Command("console", "boot a lab and type commands on its nodes")
        {
            folder, node, seed,
        };
        command.SetAction(result => Run(result.GetValue(folder)!, result.GetValue(node),
            result.GetValue(seed), Console.In, Console.Out));
        return command;
    }

    public static int Run(string folder, string? firstNode, int? seed, TextReader input,
        TextWriter output)
    {
        LabInstance lab;
        try
        {
            lab = LabInstance.Load(folder, new LabOptions { Seed = seed });
        }
        catch (LabLoadException e)
        {
            Console.Error.WriteLine($"dmvpnlab: {e.Message}");
            return 2;
        }

        using (lab)
        {
            lab.Log.LineAdded += line => output.WriteLine($"% {line}");
            var current = Pick(lab, firstNode) ?? lab.Nodes.Values.First();
            bool open = true;
            foreach (var node in lab.Nodes.Values)
            {
                var source = node;
                source.Network.Log.Line += (time, text) =>
                {
                    // A router's console shows its own messages only.
                    if (open && ReferenceEquals(source, current))
                        output.WriteLine($"{IosTime.FormatTimestamp(TimeSpan.FromTicks(time / 100))} {text}");
                };
            }

            try
            {
                lab.Boot();
            }
            catch (LabLoadException e)
            {
                Console.Error.WriteLine($"dmvpnlab: {e.Message}");
                return 2;
            }

            var started = lab.Scheduler.Now;
            bool converged = lab.WaitConverged(ScriptRunner.ConvergenceLimit);
            double seconds = (lab.Scheduler.Now - started).TotalSeconds;
            output.WriteLine($"Lab {lab.Definition.Name}: {string.Join(", ", lab.Nodes.Keys)}.");
            output.WriteLine(converged
                ? $"Converged after {seconds:0.0} s of virtual time."
                : $"Not converged after {seconds:0.0} s of virtual time.");
            output.WriteLine("Type .nodes, .connect NODE, .wait 30s or .quit.");
            bool echo = Console.IsInputRedirected;
            var wallClock = Stopwatch.StartNew();
            var offset = lab.Scheduler.Now;
            while (true)
            {
                output.Write(current.Prompt);
                output.Flush();
                string? line = input.ReadLine();
                if (line is null)
                    break;

                if (echo)
                    output.WriteLine(line);

                // Pace the lab to the wall clock: catch up on the time spent typing.
                var target = offset + wallClock.Elapsed;
                if (target > lab.Scheduler.Now)
                    lab.Scheduler.RunUntil(target);

                if (!line.StartsWith('.'))
                {
                    current.Execute(line, output);
                    continue;
                }

                if (!RunConsoleCommand(lab, line, output, ref current))
                    break;

                // `.wait` moves the lab ahead of the wall clock; keep pacing from there.
                if (lab.Scheduler.Now > offset + wallClock.Elapsed)
                    offset = lab.Scheduler.Now - wallClock.Elapsed;
            }

            open = false;
        }

        return 0;
    }

    private static bool RunConsoleCommand(LabInstance lab, string line, TextWriter output,
        ref ILabNode current)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words[0])
        {
            case ".quit":
            case ".exit":
                return false;
            case ".nodes":
                foreach (var node in lab.Nodes.Values)
                    output.WriteLine($"{node.Name,-12} {(node.IsConverged ? "converged" : "settling")}");
                return true;
            case ".connect" when words.Length == 2:
                if (Pick(lab, words[1]) is { } next)
                    current = next;
                else
                    output.WriteLine($"% No node named {words[1]} in this lab");
                return true;
            case ".wait" when words.Length == 2 &&
                              LabDefinitionReader.TryParseDuration(words[1], out var duration):
                lab.Scheduler.RunFor(duration);
                return true;
            default:
                output.WriteLine("% console commands: .nodes, .connect NODE, .wait DURATION, .quit");
                return true;
        }
    }

    private static ILabNode? Pick(LabInstance lab, string? name) =>
        name is not null && lab.Nodes.TryGetValue(name, out var node) ? node : null;
}

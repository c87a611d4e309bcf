using System.CommandLine;
using System.Diagnostics;
using DmvpnLab.Lab;
using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Nodes;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab console LAB`: boots the lab and gives an IOS-style prompt on one node at a
/// time. The lab's clock follows the wall clock: before each command it catches up on
/// the time that passed while you typed. Lines starting with a dot drive the console
/// itself: `.nodes`, `.connect NODE`, `.wait 30s`, `.quit`.
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
            foreach (var node in lab.Nodes.Values)
                node.Network.Log.Line += (_, text) => output.WriteLine($"{node.Name}: {text}");

            lab.Boot();
            var current = Pick(lab, firstNode) ?? lab.Nodes.Values.First();
            output.WriteLine($"Lab {lab.Definition.Name}: {string.Join(", ", lab.Nodes.Keys)}. " +
                             "Type .nodes, .connect NODE, .wait 30s or .quit.");
            var wallClock = Stopwatch.StartNew();
            while (true)
            {
                output.Write(current.Prompt);
                output.Flush();
                string? line = input.ReadLine();
                if (line is null)
                    break;

                // Pace the lab to the wall clock: catch up on the time spent typing.
                var target = wallClock.Elapsed;
                if (target > lab.Scheduler.Now)
                    lab.Scheduler.RunUntil(target);

                if (!line.StartsWith('.'))
                {
                    current.Execute(line, output);
                    continue;
                }

                if (!RunConsoleCommand(lab, line, output, ref current))
                    break;
            }
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
            case ".connect" when words.Length == 2 && Pick(lab, words[1]) is { } next:
                current = next;
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

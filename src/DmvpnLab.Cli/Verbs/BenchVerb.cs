using System.CommandLine;
using DmvpnLab.Lab.Definition;
using DmvpnLab.Lab.Generate;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab bench scale --spokes N [--seed S] [--limit SECONDS]`: generates a hub-spoke
/// lab, runs it to convergence and prints what it cost (see <see cref="ScaleRun"/>). Exit
/// status 0 when the lab converged within the limit of virtual time, 1 otherwise.
/// </summary>
public static class BenchVerb
{
    public static Command Create()
    {
        var spokes = new Option<int>("--spokes")
        {
            Description = $"number of spokes (1 to {HubSpokeAddressPlan.MaximumSpokes})",
            Required = true,
        };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit")
        {
            Description = "virtual seconds to wait for convergence",
            DefaultValueFactory = _ => 600,
        };
        var scale = new Command("scale", "boot a generated hub-spoke lab to convergence, measure")
        {
            spokes, seed, limit,
        };
        scale.SetAction(result => Scale(result.GetValue(spokes), result.GetValue(seed),
            TimeSpan.FromSeconds(result.GetValue(limit)), Console.Out, Console.Error));
        return new Command("bench", "measure the emulator") { scale };
    }

    public static int Scale(int spokes, int seed, TimeSpan limit, TextWriter output,
        TextWriter errors)
    {
        if (spokes < 1 || spokes > HubSpokeAddressPlan.MaximumSpokes)
        {
            errors.WriteLine(
                $"dmvpnlab: --spokes must be 1 to {HubSpokeAddressPlan.MaximumSpokes}");
            return 2;
        }

        ScaleResult result;
        try
        {
            result = ScaleRun.Measure(spokes, seed, limit);
        }
        catch (Exception e) when (e is LabLoadException or IOException)
        {
            errors.WriteLine($"dmvpnlab: {e.Message}");
            return 2;
        }

        Print(result, limit, output);
        return result.Converged ? 0 : 1;
    }

    private static void Print(ScaleResult r, TimeSpan limit, TextWriter output)
    {
        string state = r.Converged ? "converged" : $"NOT converged within {limit.TotalSeconds:0} s";
        output.WriteLine($"hub-spoke, {r.Spokes} spokes, seed {r.Seed}: {state}");
        output.WriteLine($"  load and boot          {r.LoadWallTime.TotalSeconds,12:0.000} s wall");
        output.WriteLine(
            $"  run to convergence     {r.ConvergeWallTime.TotalSeconds,12:0.000} s wall");
        output.WriteLine($"  virtual time covered   {r.VirtualTime.TotalSeconds,12:0.000} s " +
                         $"({Ratio(r.VirtualTime, r.ConvergeWallTime)} x wall)");
        output.WriteLine($"  events executed        {r.EventsExecuted,12}");
        output.WriteLine($"  events per second      {r.EventsPerSecond,12:0}");
        output.WriteLine($"  managed memory / spoke {r.ManagedBytesPerSpoke / 1024.0,12:0.0} KiB");
        output.WriteLine($"  DH operations          {r.DiffieHellmanOperations,12} " +
                         $"({r.DiffieHellmanEngine})");
        output.WriteLine($"  DH time                {r.DiffieHellmanTime.TotalSeconds,12:0.000} s");
        string overDh = double.IsNaN(r.TimeOverDiffieHellman)
            ? "n/a (no DH done)"
            : $"{r.TimeOverDiffieHellman:0.00} (budget <= 1.30)";
        output.WriteLine($"  convergence / DH time  {overDh,12}");
    }

    private static string Ratio(TimeSpan a, TimeSpan b) =>
        b.TotalSeconds > 0 ? (a.TotalSeconds / b.TotalSeconds).ToString("0") : "n/a";
}

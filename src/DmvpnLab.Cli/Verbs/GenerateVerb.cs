using System.CommandLine;
using DmvpnLab.Lab.Generate;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab generate hub-spoke OUT --spokes N [--seed S]`: writes a DMVPN lab folder with
/// the lab notes' policy (see <see cref="HubSpokeLab"/>). Exit status 0, or 2 when OUT is
/// not an empty folder or N is out of range.
/// </summary>
public static class GenerateVerb
{
    public static Command Create()
    {
        var folder = new Argument<string>("out") { Description = "the lab folder to create" };
        var spokes = new Option<int>("--spokes")
        {
            Description = $"number of spokes (1 to {HubSpokeAddressPlan.MaximumSpokes})",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "the lab's seed (lab.yaml)",
            DefaultValueFactory = _ => 1,
        };
        var hubSpoke = new Command("hub-spoke", "a hub, N spokes, a PC behind each")
        {
            folder, spokes, seed,
        };
        hubSpoke.SetAction(result => HubSpoke(result.GetValue(folder)!,
            result.GetValue(spokes), result.GetValue(seed), Console.Out, Console.Error));
        return new Command("generate", "write a lab folder") { hubSpoke };
    }

    public static int HubSpoke(string folder, int spokes, int seed, TextWriter output,
        TextWriter errors)
    {
        if (spokes < 1 || spokes > HubSpokeAddressPlan.MaximumSpokes)
        {
            errors.WriteLine(
                $"dmvpnlab: --spokes must be 1 to {HubSpokeAddressPlan.MaximumSpokes}");
            return 2;
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            errors.WriteLine($"dmvpnlab: {folder}: exists and is not empty");
            return 2;
        }

        try
        {
            HubSpokeLab.Write(folder, spokes, seed);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"dmvpnlab: {folder}: {e.Message}");
            return 2;
        }

        output.WriteLine($"wrote {folder}: hub, {spokes} spokes, " +
                         $"{HubSpokeAddressPlan.EdgeRouterCount(spokes) + 1} internet routers, " +
                         $"{spokes + 1} PCs");
        return 0;
    }
}

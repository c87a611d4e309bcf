using System.Diagnostics;

namespace DmvpnLab.Lab.Tests.Tools;

/// <summary>
/// Runs the installed tshark (Debian package; scripts/test.sh installs it) over a capture,
/// with the SA keys a lab exported: every line of the capture folder's <c>esp_sa</c> and
/// <c>ikev1_decryption_table</c> goes on the command line as <c>-o uat:TABLE:LINE</c>, which
/// tshark 4.0 adds to that user-access table without touching any profile on disk.
/// </summary>
internal static class Tshark
{
    public const string EspTable = "esp_sa";
    public const string IkeTable = "ikev1_decryption_table";

    /// <summary>What reading a capture should show nothing of.</summary>
    public const string ProblemFilter = "_ws.malformed || _ws.expert.severity >= error";

    public static string Path =>
        new[] { "/usr/bin/tshark", "/usr/local/bin/tshark" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "tshark is not installed: run scripts/test.sh as root, which installs it");

    /// <summary>The -o options loading the key tables found in <paramref name="folder"/>.
    /// </summary>
    public static List<string> KeyOptions(string folder)
    {
        var options = new List<string> { "-o", "esp.enable_encryption_decode:TRUE" };
        foreach (string table in new[] { EspTable, IkeTable })
        {
            string file = System.IO.Path.Combine(folder, table);
            if (!File.Exists(file))
                continue;

            foreach (string line in File.ReadLines(file))
            {
                if (line.Length > 0 && line[0] != '#')
                    options.AddRange(["-o", $"uat:{table}:{line}"]);
            }
        }

        return options;
    }

    /// <summary>Runs tshark -r <paramref name="capture"/>; a non-zero exit fails the test.
    /// </summary>
    public static string Read(string capture, IEnumerable<string> options,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add(capture);
        foreach (string option in options)
            start.ArgumentList.Add(option);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"tshark -r {capture} exited {process.ExitCode}: {error.Result}");
        return output;
    }

    /// <summary>Field values, one array per frame, for <c>-T fields -e …</c>.</summary>
    public static List<string[]> Fields(string capture, IEnumerable<string> options,
        params string[] fields)
    {
        var arguments = new List<string> { "-T", "fields", "-E", "separator=\t" };
        foreach (string field in fields)
            arguments.AddRange(["-e", field]);

        return Read(capture, options, [.. arguments])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .ToList();
    }
}

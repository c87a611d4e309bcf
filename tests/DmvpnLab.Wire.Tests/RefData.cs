using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Tests;

/// <summary>
/// Finds the shared reference data (real captures) by walking up from the test binary
/// until a directory holds <c>shared/refdata</c>: that covers /work/shared beside the
/// worktrees and a <c>shared/</c> copy beside a CI clone.
/// </summary>
internal static class RefData
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Dictionary<string, List<PcapRecord>> Cache = new();

    /// <summary>The refdata directory.</summary>
    public static string Directory => Root.Value;

    /// <summary>Full path of a tcpdump capture.</summary>
    public static string TcpdumpPath(string file) =>
        Path.Combine(Directory, "pcaps", "tcpdump", file);

    /// <summary>Every record of a tcpdump capture, read with our own reader.</summary>
    public static List<PcapRecord> Records(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var records))
            {
                records = PcapReader.ReadAll(TcpdumpPath(file));
                Cache[file] = records;
            }

            return records;
        }
    }

    /// <summary>The bytes of packet <paramref name="number"/>, counted from 1 as tshark does.
    /// </summary>
    public static byte[] Frame(string file, int number) => Records(file)[number - 1].Data;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "refdata");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No shared/refdata above {AppContext.BaseDirectory}: put a copy of shared/ "
            + "beside the clone.");
    }
}

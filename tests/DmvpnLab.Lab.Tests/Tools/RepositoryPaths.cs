namespace DmvpnLab.Lab.Tests.Tools;

/// <summary>
/// Finds folders by walking up from the test binary: the shared reference data
/// (<c>shared/refdata</c>, beside the worktrees here and beside the clone in CI) and the
/// repository root (the folder holding the solution file).
/// </summary>
internal static class RepositoryPaths
{
    public static string RefData => FindUp(dir => Path.Combine(dir, "shared", "refdata"),
        Directory.Exists, "shared/refdata (put a copy of shared/ beside the clone)");

    public static string Root => FindUp(dir => dir,
        dir => File.Exists(Path.Combine(dir, "DmvpnLab.sln"))
            || File.Exists(Path.Combine(dir, "DmvpnLab.slnx")), "the repository root");

    public static string TcpdumpCaptures => Path.Combine(RefData, "pcaps", "tcpdump");

    private static string FindUp(Func<string, string> candidateOf, Func<string, bool> exists,
        string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = candidateOf(dir.FullName);
            if (exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException($"No {what} above {AppContext.BaseDirectory}");
    }
}

namespace DmvpnLab.Protocols.Tests.Ipsec;

/// <summary>Finds shared/refdata by walking up from the test binaries.</summary>
internal static class RefData
{
    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null;
            dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "refdata");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.Combine([candidate, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("no shared/refdata above " + AppContext.BaseDirectory);
    }
}

namespace DmvpnLab.Net.Interfaces;

/// <summary>
/// The short interface names IOS prints in tables (`Gi0/0`, `Tu1`). Typed
/// abbreviations are expanded by the CLI (<see cref="DmvpnLab.Ios.InterfaceNames"/>).
/// </summary>
public static class InterfaceShortNames
{
    private static readonly (string Full, string Short)[] Types =
    [
        ("GigabitEthernet", "Gi"),
        ("FastEthernet", "Fa"),
        ("Ethernet", "Et"),
        ("Tunnel", "Tu"),
        ("Loopback", "Lo"),
        ("Serial", "Se"),
    ];

    public static string Shorten(string fullName)
    {
        foreach (var (full, shortName) in Types)
        {
            if (fullName.StartsWith(full, StringComparison.Ordinal))
                return shortName + fullName[full.Length..];
        }

        return fullName;
    }
}

namespace DmvpnLab.Net.Interfaces;

/// <summary>
/// IOS interface naming: the full type names, their abbreviations as typed at the CLI
/// (`gi0/0`, `tun 1`), and the short forms tables print (`Gi0/0`, `Tu1`).
/// </summary>
public static class InterfaceNames
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

    /// <summary>
    /// Expands what a user typed into the full name, or returns null when the type
    /// is unknown or ambiguous. The type part matches by prefix, case-insensitively;
    /// `e0/0` means Ethernet, as IOS decides.
    /// </summary>
    public static string? Normalize(string typed)
    {
        string text = typed.Replace(" ", "", StringComparison.Ordinal);
        int digit = 0;
        while (digit < text.Length && !char.IsDigit(text[digit]))
            digit++;

        if (digit == 0 || digit == text.Length)
            return null;

        string typePart = text[..digit];
        string numberPart = text[digit..];
        if (!IsValidNumber(numberPart))
            return null;

        foreach (var (full, _) in Types)
        {
            if (full.StartsWith(typePart, StringComparison.OrdinalIgnoreCase))
            {
                if (typePart.Equals("e", StringComparison.OrdinalIgnoreCase))
                    return "Ethernet" + numberPart;

                return full + numberPart;
            }
        }

        return null;
    }

    public static string Shorten(string fullName)
    {
        foreach (var (full, shortName) in Types)
        {
            if (fullName.StartsWith(full, StringComparison.Ordinal))
                return shortName + fullName[full.Length..];
        }

        return fullName;
    }

    private static bool IsValidNumber(string number)
    {
        foreach (char c in number)
        {
            if (!char.IsDigit(c) && c != '/' && c != '.')
                return false;
        }

        return char.IsDigit(number[0]) && char.IsDigit(number[^1]);
    }
}

using System.Text.RegularExpressions;

namespace DmvpnLab.Ios;

/// <summary>
/// Interface name abbreviation as IOS accepts it: any prefix of the type name followed by
/// the slot/port numbering, with or without a space (<c>gi0/0</c>, <c>tun 1</c>).
/// </summary>
public static partial class InterfaceNames
{
    // Earlier entries win a shared prefix: IOS resolves "t" to Tunnel and "e" to Ethernet
    // on the platforms the labs use, rather than calling them ambiguous.
    private static readonly string[] Types =
    [
        "Ethernet", "FastEthernet", "GigabitEthernet", "Loopback", "Tunnel", "Serial",
        "Vlan", "Null", "TenGigabitEthernet", "Port-channel", "Dialer", "Virtual-Template",
    ];

    public static IReadOnlyList<string> KnownTypes => Types;

    /// <summary>Normalizes a one-word name such as <c>Gig0/0</c> to
    /// <c>GigabitEthernet0/0</c>.</summary>
    public static bool TryNormalize(string text, out string name)
    {
        name = "";
        int split = 0;
        while (split < text.Length && !char.IsAsciiDigit(text[split]))
        {
            split++;
        }

        return split > 0 && split < text.Length
            && TryNormalize(text[..split], text[split..], out name);
    }

    /// <summary>Normalizes a type word and a number written apart (<c>tun</c>, <c>1</c>).</summary>
    public static bool TryNormalize(string typeText, string numberText, out string name)
    {
        name = "";
        if (!TryResolveType(typeText, out string type) || !NumberPattern().IsMatch(numberText))
        {
            return false;
        }

        name = type + numberText;
        return true;
    }

    /// <summary>Resolves a type abbreviation (<c>gi</c>) to its full name.</summary>
    public static bool TryResolveType(string typeText, out string type)
    {
        type = "";
        if (typeText.Length == 0)
        {
            return false;
        }

        foreach (string candidate in Types)
        {
            if (candidate.StartsWith(typeText, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }

    // Slot/subslot/port numbering with an optional subinterface (".100") or channel (":0").
    [GeneratedRegex(@"^[0-9]+(/[0-9]+)*([.:][0-9]+)?$")]
    private static partial Regex NumberPattern();
}

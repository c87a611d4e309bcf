using System.Text;
using System.Text.RegularExpressions;

namespace DmvpnLab.Ios.Filters;

/// <summary>
/// IOS regular expressions on .NET. The syntax is close enough; the one IOS addition is
/// <c>_</c>, which matches a delimiter (start or end of line, space, comma, braces,
/// parentheses). Here it also matches a literal underscore, so the habitual
/// <c>| inc current_peer</c> finds <c>current_peer</c> lines; a BGP-style
/// <c>_100_</c> is unaffected. Matching runs without backtracking so no pattern can stall
/// the emulator.
/// </summary>
public static class IosRegex
{
    public static bool TryCreate(string pattern, out Regex? regex)
    {
        regex = null;
        try
        {
            regex = new Regex(Translate(pattern),
                RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            // Constructs NonBacktracking lacks (backreferences, lookarounds) are not in IOS
            // regexes either, so refusing them loses nothing.
            return false;
        }
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            inClass = c switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            builder.Append(c == '_' && !inClass ? @"(?:^|$|[ ,{}()_])" : c.ToString());
        }

        return builder.ToString();
    }
}

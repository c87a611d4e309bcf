using System.Collections.Concurrent;
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
    // Building a non-backtracking regex costs milliseconds, and scripts repeat the same few
    // filters, so built ones are kept. The bound only guards against a flood of distinct
    // patterns; clearing is crude but deterministic.
    private const int CacheCapacity = 256;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool TryCreate(string pattern, out Regex? regex)
    {
        if (Cache.TryGetValue(pattern, out regex))
        {
            return true;
        }

        try
        {
            regex = new Regex(Translate(pattern),
                RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            if (Cache.Count >= CacheCapacity)
            {
                Cache.Clear();
            }

            Cache[pattern] = regex;
            return true;
        }
        catch (ArgumentException)
        {
            regex = null;
            return false;
        }
        catch (NotSupportedException)
        {
            // Constructs NonBacktracking lacks (backreferences, lookarounds) are not in IOS
            // regexes either, so refusing them loses nothing.
            regex = null;
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

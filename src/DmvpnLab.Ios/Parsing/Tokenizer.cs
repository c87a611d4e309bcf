namespace DmvpnLab.Ios.Parsing;

/// <summary>
/// Splits a command line into words. IOS has no quoting in ordinary commands, so a word
/// is simply a run of characters other than space and tab.
/// </summary>
public static class Tokenizer
{
    public static List<CommandToken> Split(string line)
    {
        var tokens = new List<CommandToken>();
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            int start = i;
            while (i < line.Length && !IsBlank(line[i]))
            {
                i++;
            }

            tokens.Add(new CommandToken(line.Substring(start, i - start), start));
        }

        return tokens;
    }

    /// <summary>
    /// Replaces tabs and other control characters with spaces so that a caret printed
    /// under the echoed line lands on the column the parser counted.
    /// </summary>
    public static string Normalize(string line)
    {
        bool clean = true;
        foreach (char c in line)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return line;
        }

        var chars = line.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    public static bool IsBlank(char c) => c == ' ' || c == '\t';
}

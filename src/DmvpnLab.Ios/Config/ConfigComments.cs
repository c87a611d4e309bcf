namespace DmvpnLab.Ios.Config;

/// <summary>
/// Comment handling for configs as people paste them. IOS itself only knows lines that
/// start with <c>!</c>; the lab notes the project grew from also append remarks introduced
/// by <c>!!</c> after a command, which IOS would refuse, so they are cut off and counted.
/// </summary>
public static class ConfigComments
{
    /// <summary>
    /// Returns the command part of a line, or null when the whole line is a comment.
    /// <paramref name="remark"/> is true when a <c>!!</c> remark was removed (or the whole
    /// line is one). Columns of what remains are unchanged, so carets still line up.
    /// </summary>
    public static string? Strip(string line, out bool remark)
    {
        remark = false;
        line = line.TrimEnd('\r', '\n');
        string trimmed = line.TrimStart(' ', '\t');
        if (trimmed.StartsWith('!'))
        {
            remark = trimmed.StartsWith("!!", StringComparison.Ordinal);
            return null;
        }

        int index = FindRemark(line);
        if (index < 0)
        {
            return line;
        }

        remark = true;
        return line[..index].TrimEnd();
    }

    // A remark starts at "!!" after a blank, so a key such as "abc!!def" is left alone.
    private static int FindRemark(string line)
    {
        for (int i = 1; i + 1 < line.Length; i++)
        {
            if (line[i] == '!' && line[i + 1] == '!' && Parsing.Tokenizer.IsBlank(line[i - 1]))
            {
                return i;
            }
        }

        return -1;
    }
}

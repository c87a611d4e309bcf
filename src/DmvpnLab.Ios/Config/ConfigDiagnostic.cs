namespace DmvpnLab.Ios.Config;

/// <summary>
/// A line of a config file that the router refused or answered with a message, located by
/// file and line number and worded as IOS words it.
/// </summary>
/// <param name="FileName">The config file, e.g. "SPOKE-1.cfg".</param>
/// <param name="LineNumber">One-based line number in the file.</param>
/// <param name="Line">The line as loaded (remarks removed, tabs as spaces).</param>
/// <param name="Message">IOS's message, e.g. <c>% Incomplete command.</c></param>
/// <param name="CaretColumn">Where IOS's caret points, for an invalid input.</param>
/// <param name="IsError">False for messages a command printed while accepting the line.</param>
public sealed record ConfigDiagnostic(string FileName, int LineNumber, string Line,
    string Message, int? CaretColumn, bool IsError)
{
    /// <summary>
    /// <c>SPOKE-1.cfg:17: % Invalid input detected at '^' marker.</c>, followed for an
    /// invalid input by the line and the caret under it.
    /// </summary>
    public override string ToString()
    {
        var lines = Message.TrimEnd('\n').Split('\n');
        string text = $"{FileName}:{LineNumber}: {string.Join("\n", lines)}";
        if (CaretColumn is not { } column)
        {
            return text;
        }

        return $"{text}\n{Line}\n{new string(' ', column)}^";
    }
}

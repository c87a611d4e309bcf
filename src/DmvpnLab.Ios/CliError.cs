namespace DmvpnLab.Ios;

/// <summary>
/// A refused line and IOS's exact wording for it. The caret column counts from the start of
/// the line as typed; the session shifts it by the prompt's width, since IOS prints the
/// caret under the echoed input.
/// </summary>
public sealed record CliError(CliErrorKind Kind, string Line, int Column, string? Message = null)
{
    public const string InvalidInputText = "% Invalid input detected at '^' marker.";
    public const string IncompleteText = "% Incomplete command.";
    public const string UnknownCommandText =
        "% Unknown command or computer name, or unable to find computer address";

    /// <summary>The one-line message, without the caret.</summary>
    public string Text => Kind switch
    {
        CliErrorKind.InvalidInput => InvalidInputText,
        CliErrorKind.Incomplete => IncompleteText,
        CliErrorKind.Ambiguous => $"% Ambiguous command:  \"{Line.Trim()}\"",
        CliErrorKind.UnknownCommand => UnknownCommandText,
        _ => Message ?? "",
    };

    /// <summary>The caret line for an invalid input, indented by <paramref name="indent"/>
    /// extra columns (the prompt's width), or null for other kinds.</summary>
    public string? CaretLine(int indent) =>
        Kind == CliErrorKind.InvalidInput ? new string(' ', indent + Column) + "^" : null;

    /// <summary>IOS's terminal output: caret line (if any) then the message.</summary>
    public string Render(int indent)
    {
        string? caret = CaretLine(indent);
        return caret is null ? Text + "\n" : caret + "\n" + Text + "\n";
    }
}

namespace DmvpnLab.Ios.Parsing;

/// <summary>One whitespace-separated word of a command line and where it starts.</summary>
/// <param name="Text">The word as typed.</param>
/// <param name="Column">Zero-based character offset of the word in the line.</param>
public readonly record struct CommandToken(string Text, int Column);

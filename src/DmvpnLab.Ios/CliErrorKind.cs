namespace DmvpnLab.Ios;

/// <summary>The ways IOS refuses a line before any handler runs.</summary>
public enum CliErrorKind
{
    /// <summary><c>% Invalid input detected at '^' marker.</c></summary>
    InvalidInput,

    /// <summary><c>% Incomplete command.</c></summary>
    Incomplete,

    /// <summary><c>% Ambiguous command:  "..."</c></summary>
    Ambiguous,

    /// <summary>An unknown first word at exec, which IOS takes for a host to telnet to.</summary>
    UnknownCommand,

    /// <summary>A handler refused the command with its own message.</summary>
    Refused,
}

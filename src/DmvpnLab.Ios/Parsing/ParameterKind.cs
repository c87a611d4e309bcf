namespace DmvpnLab.Ios.Parsing;

/// <summary>The value types a command pattern can ask for, spelled in patterns as IOS's help
/// spells them.</summary>
public enum ParameterKind
{
    /// <summary><c>&lt;A.B.C.D&gt;</c>: a dotted-quad IPv4 address.</summary>
    Ipv4Address,

    /// <summary><c>&lt;lo-hi&gt;</c>: a decimal number within an inclusive range.</summary>
    Number,

    /// <summary><c>&lt;WORD&gt;</c>: any single word.</summary>
    Word,

    /// <summary><c>&lt;LINE&gt;</c>: the rest of the line, spaces included.</summary>
    Line,

    /// <summary><c>&lt;IFNAME&gt;</c>: an interface name, abbreviated or not, in one or two
    /// words (<c>gi0/0</c>, <c>tun 1</c>).</summary>
    InterfaceName,
}

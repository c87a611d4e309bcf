using System.Net;
using DmvpnLab.Ios.Parsing;

namespace DmvpnLab.Ios;

/// <summary>
/// One variable part of a matched command: a parameter value, or the keyword chosen from a
/// <c>{a|b}</c> or <c>[a]</c> group.
/// </summary>
public sealed class CommandArgument
{
    internal CommandArgument(string name, string text, ParameterKind? kind, ulong number)
    {
        Name = name;
        Text = text;
        Kind = kind;
        Number = number;
    }

    /// <summary>The name from the pattern (<c>&lt;A.B.C.D:nbma&gt;</c> gives "nbma"); the
    /// keyword itself for a chosen keyword; otherwise the type text ("A.B.C.D").</summary>
    public string Name { get; }

    /// <summary>The normalized text: the full keyword, the full interface name, the rest of
    /// the line for LINE, the word as typed otherwise.</summary>
    public string Text { get; }

    /// <summary>The parameter type, or null when this is a chosen keyword.</summary>
    public ParameterKind? Kind { get; }

    public bool IsKeyword => Kind is null;

    /// <summary>The value of a number, or of an IPv4 address in host byte order.</summary>
    public ulong Number { get; }

    public uint Ipv4Value => (uint)Number;

    public IPAddress Address => Ipv4Text.ToAddress((uint)Number);

    public override string ToString() => Text;
}

using System.Globalization;

namespace DmvpnLab.Ios.Parsing;

/// <summary>Decides whether the words at a position satisfy a typed parameter, and turns
/// them into an argument.</summary>
internal static class ParameterMatcher
{
    /// <summary>Returns how many words the parameter takes (0 when it refuses them).</summary>
    public static int TryMatch(PatternElement element, List<CommandToken> tokens, int index,
        string line, out CommandArgument? argument)
    {
        argument = null;
        string text = tokens[index].Text;
        switch (element.Kind)
        {
            case ParameterKind.Ipv4Address:
                if (!Ipv4Text.TryParse(text, out uint address))
                {
                    return 0;
                }

                argument = new CommandArgument(element.Name, text, element.Kind, address);
                return 1;

            case ParameterKind.Number:
                if (!TryParseNumber(text, out ulong number)
                    || number < element.Min || number > element.Max)
                {
                    return 0;
                }

                argument = new CommandArgument(element.Name, text, element.Kind, number);
                return 1;

            case ParameterKind.Word:
                argument = new CommandArgument(element.Name, text, element.Kind, 0);
                return 1;

            case ParameterKind.Line:
                string rest = line[tokens[index].Column..].TrimEnd();
                argument = new CommandArgument(element.Name, rest, element.Kind, 0);
                return tokens.Count - index;

            case ParameterKind.InterfaceName:
                return MatchInterface(element, tokens, index, out argument);

            default:
                return 0;
        }
    }

    private static int MatchInterface(PatternElement element, List<CommandToken> tokens,
        int index, out CommandArgument? argument)
    {
        argument = null;
        if (InterfaceNames.TryNormalize(tokens[index].Text, out string name))
        {
            argument = new CommandArgument(element.Name, name, element.Kind, 0);
            return 1;
        }

        if (index + 1 < tokens.Count
            && InterfaceNames.TryNormalize(tokens[index].Text, tokens[index + 1].Text, out name))
        {
            argument = new CommandArgument(element.Name, name, element.Kind, 0);
            return 2;
        }

        return 0;
    }

    // Plain decimal digits only: IOS refuses signs, spaces and hexadecimal in number fields.
    private static bool TryParseNumber(string text, out ulong value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

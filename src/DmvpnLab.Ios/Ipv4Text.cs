using System.Net;

namespace DmvpnLab.Ios;

/// <summary>
/// Strict dotted-quad parsing. <see cref="IPAddress.TryParse(string, out IPAddress)"/> also
/// accepts "10" or "10.1" (inet_aton forms) which IOS refuses, so the CLI parses by hand.
/// </summary>
public static class Ipv4Text
{
    public static bool TryParse(string text, out uint value)
    {
        value = 0;
        int octets = 0;
        int i = 0;
        while (octets < 4)
        {
            int start = i;
            uint octet = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            {
                octet = octet * 10 + (uint)(text[i] - '0');
                i++;
            }

            if (i == start || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;
            if (octets < 4)
            {
                if (i >= text.Length || text[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        return i == text.Length;
    }

    public static IPAddress ToAddress(uint value) =>
        new(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
}

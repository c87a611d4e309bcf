using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DmvpnLab.Wire;

/// <summary>
/// A 48-bit IEEE 802 MAC address packed into the low six bytes of a <see cref="ulong"/>,
/// the first octet on the wire in bits 47..40.
/// </summary>
public readonly record struct MacAddress
{
    /// <summary>Octets an address takes on the wire.</summary>
    public const int Length = 6;

    private const ulong Mask48 = 0xFFFF_FFFF_FFFF;

    /// <summary>Builds an address from a 48-bit value; higher bits are dropped.</summary>
    public MacAddress(ulong value) => Value = value & Mask48;

    /// <summary>The 48-bit value, first wire octet most significant.</summary>
    public ulong Value { get; }

    /// <summary>ffff.ffff.ffff.</summary>
    public static MacAddress Broadcast => new(Mask48);

    /// <summary>0000.0000.0000.</summary>
    public static MacAddress Zero => default;

    /// <summary>True when the I/G bit (low bit of the first octet) is set, broadcast too.</summary>
    public bool IsMulticast => ((Value >> 40) & 1) != 0;

    /// <summary>True for ffff.ffff.ffff.</summary>
    public bool IsBroadcast => Value == Mask48;

    /// <summary>
    /// The multicast MAC RFC 1112 section 6.4 maps an IPv4 group to: 01-00-5E followed by the
    /// low 23 bits of the group address.
    /// </summary>
    public static MacAddress FromIpv4Multicast(Ipv4Address group) =>
        new(0x0100_5E00_0000UL | (group.Value & 0x7F_FFFF));

    /// <summary>Reads six octets from the start of <paramref name="source"/>.</summary>
    public static MacAddress Read(ReadOnlySpan<byte> source)
    {
        ulong value = 0;
        for (int i = 0; i < Length; i++)
        {
            value = (value << 8) | source[i];
        }

        return new MacAddress(value);
    }

    /// <summary>Writes the six octets at the start of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        _ = destination[Length - 1];
        for (int i = 0; i < Length; i++)
        {
            destination[i] = (byte)(Value >> (40 - 8 * i));
        }
    }

    /// <summary>Colon form, lower case: aa:bb:cc:00:01:00.</summary>
    public override string ToString() => string.Create(17, Value, static (chars, value) =>
    {
        for (int i = 0; i < Length; i++)
        {
            byte octet = (byte)(value >> (40 - 8 * i));
            octet.TryFormat(chars.Slice(i * 3, 2), out _, "x2", CultureInfo.InvariantCulture);
            if (i < Length - 1)
            {
                chars[i * 3 + 2] = ':';
            }
        }
    });

    /// <summary>Cisco's dotted form of three 16-bit groups: aabb.cc00.0100.</summary>
    public string ToCiscoString() => string.Create(14, Value, static (chars, value) =>
    {
        for (int group = 0; group < 3; group++)
        {
            ushort word = (ushort)(value >> (32 - 16 * group));
            word.TryFormat(chars.Slice(group * 5, 4), out _, "x4", CultureInfo.InvariantCulture);
            if (group < 2)
            {
                chars[group * 5 + 4] = '.';
            }
        }
    });

    /// <summary>Parses "aa:bb:cc:00:01:00", "aa-bb-cc-00-01-00" or "aabb.cc00.0100".</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MacAddress address)
    {
        address = default;
        if (text is null)
        {
            return false;
        }

        Span<char> hex = stackalloc char[12];
        int count = 0;
        bool cisco = text.Length == 14;
        if (!cisco && text.Length != 17)
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            bool separatorSlot = cisco ? i % 5 == 4 : i % 3 == 2;
            char c = text[i];
            if (separatorSlot)
            {
                bool ok = cisco ? c == '.' : c is ':' or '-';
                if (!ok)
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            hex[count++] = c;
        }

        if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture, out ulong value))
        {
            return false;
        }

        address = new MacAddress(value);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/>, else throws <see cref="FormatException"/>.
    /// </summary>
    public static MacAddress Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException($"'{text}' is not a MAC address.");
}

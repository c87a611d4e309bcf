using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DmvpnLab.Wire;

/// <summary>
/// An IPv4 address held as a host-order 32-bit value (the first octet in the top byte), so
/// the forwarding path compares, masks and hashes addresses without allocating.
/// </summary>
public readonly record struct Ipv4Address(uint Value) : ISpanFormattable, IComparable<Ipv4Address>
{
    /// <summary>Octets an address takes on the wire.</summary>
    public const int Length = 4;

    /// <summary>0.0.0.0.</summary>
    public static Ipv4Address Any => default;

    /// <summary>255.255.255.255, the limited broadcast of RFC 919.</summary>
    public static Ipv4Address Broadcast => new(0xFFFF_FFFF);

    /// <summary>Builds an address from its four octets, first octet first.</summary>
    public Ipv4Address(byte a, byte b, byte c, byte d)
        : this(((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d)
    {
    }

    /// <summary>True for 224.0.0.0/4 (RFC 5771).</summary>
    public bool IsMulticast => (Value & 0xF000_0000) == 0xE000_0000;

    /// <summary>True for 0.0.0.0.</summary>
    public bool IsAny => Value == 0;

    /// <summary>True for 255.255.255.255.</summary>
    public bool IsBroadcast => Value == 0xFFFF_FFFF;

    /// <summary>Reads four octets from the start of <paramref name="source"/>.</summary>
    /// <remarks>The caller has checked the length; a short span is our bug and throws.</remarks>
    public static Ipv4Address Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(source));

    /// <summary>Writes the four octets at the start of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    /// <summary>The netmask with <paramref name="prefixLength"/> leading ones (0..32).</summary>
    public static Ipv4Address PrefixLengthToMask(int prefixLength)
    {
        if ((uint)prefixLength > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(prefixLength));
        }

        return new(prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength));
    }

    /// <summary>
    /// The prefix length of a contiguous netmask, or -1 when the mask has a one after a zero
    /// (IOS refuses such masks with "Bad mask").
    /// </summary>
    public static int MaskToPrefixLength(Ipv4Address mask)
    {
        int ones = System.Numerics.BitOperations.PopCount(mask.Value);
        return PrefixLengthToMask(ones).Value == mask.Value ? ones : -1;
    }

    /// <summary>This address with the bits past <paramref name="prefixLength"/> cleared.</summary>
    public Ipv4Address Network(int prefixLength) =>
        new(Value & PrefixLengthToMask(prefixLength).Value);

    /// <summary>True when this address lies in <paramref name="network"/>/prefixLength.</summary>
    public bool IsInSubnet(Ipv4Address network, int prefixLength)
    {
        uint mask = PrefixLengthToMask(prefixLength).Value;
        return (Value & mask) == (network.Value & mask);
    }

    /// <summary>Parses a dotted quad; throws <see cref="FormatException"/> otherwise.</summary>
    public static Ipv4Address Parse(string text) =>
        TryParse(text, out var address)
            ? address
            : throw new FormatException($"'{text}' is not a dotted-quad IPv4 address.");

    /// <summary>Parses exactly four decimal octets 0..255 separated by dots.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Address address) =>
        TryParse(text.AsSpan(), out address);

    /// <summary>Parses exactly four decimal octets 0..255 separated by dots.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Ipv4Address address)
    {
        address = default;
        uint value = 0;
        int octets = 0;
        int index = 0;

        while (octets < 4)
        {
            int digits = 0;
            uint octet = 0;
            while (index < text.Length && char.IsAsciiDigit(text[index]) && digits < 3)
            {
                octet = octet * 10 + (uint)(text[index] - '0');
                index++;
                digits++;
            }

            if (digits == 0 || octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
            octets++;

            if (octets < 4)
            {
                if (index >= text.Length || text[index] != '.')
                {
                    return false;
                }

                index++;
            }
        }

        if (index != text.Length)
        {
            return false;
        }

        address = new Ipv4Address(value);
        return true;
    }

    /// <summary>The dotted quad, as IOS prints it.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[15];
        TryFormat(buffer, out int written, default, null);
        return new string(buffer[..written]);
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(
        Span<char> destination,
        out int charsWritten,
        ReadOnlySpan<char> format,
        IFormatProvider? provider)
    {
        charsWritten = 0;
        for (int shift = 24; shift >= 0; shift -= 8)
        {
            byte octet = (byte)(Value >> shift);
            if (!octet.TryFormat(destination[charsWritten..], out int used,
                    default, CultureInfo.InvariantCulture))
            {
                return false;
            }

            charsWritten += used;
            if (shift != 0)
            {
                if (charsWritten >= destination.Length)
                {
                    return false;
                }

                destination[charsWritten++] = '.';
            }
        }

        return true;
    }

    /// <summary>Orders addresses numerically, as IOS sorts its tables.</summary>
    public int CompareTo(Ipv4Address other) => Value.CompareTo(other.Value);
}

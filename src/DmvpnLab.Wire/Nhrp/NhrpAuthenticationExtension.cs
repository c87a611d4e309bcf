// RFC 2332 5.3.4, Authentication extension value:
//
//  |          Reserved             |   Security Parameter Index    |
//  |                 Src Addr (variable) ...                       |
//  |                 Authentication Data ...                       |
//
// IOS writes the first four bytes as the 32-bit value 1 and follows them with the
// cleartext key of "ip nhrp authentication" (at most 8 bytes, FRR NHRP_CISCO_PASS_LEN);
// no source address. Without a key IOS sends the four bytes alone.
using System.Buffers.Binary;

namespace DmvpnLab.Wire.Nhrp;

/// <summary>The Authentication extension in IOS's layout: a 4-byte SPI and a password.</summary>
public sealed class NhrpAuthenticationExtension : NhrpExtension
{
    /// <summary>Bytes of the SPI field (RFC 2332's Reserved plus SPI).</summary>
    public const int SpiLength = 4;

    /// <summary>The SPI IOS sends: cleartext password.</summary>
    public const uint CiscoCleartextSpi = 1;

    /// <summary>The longest password IOS accepts.</summary>
    public const int CiscoMaximumPasswordLength = 8;

    /// <summary>Security Parameter Index (with RFC 2332's reserved half).</summary>
    public uint Spi { get; set; } = CiscoCleartextSpi;

    /// <summary>Authentication Data: the cleartext password, possibly empty.</summary>
    public byte[] Password { get; set; } = [];

    /// <inheritdoc/>
    public override int ValueLength => SpiLength + Password.Length;

    /// <summary>A compulsory extension with SPI 1 and <paramref name="password"/>.</summary>
    public static NhrpAuthenticationExtension Cisco(ReadOnlySpan<byte> password) => new()
    {
        Compulsory = true,
        Type = NhrpExtensionType.Authentication,
        Password = password.ToArray(),
    };

    /// <summary>Reads a value; false when it is shorter than the SPI.</summary>
    public static bool TryParseValue(
        ReadOnlySpan<byte> value, bool compulsory, out NhrpAuthenticationExtension? extension)
    {
        extension = null;
        if (value.Length < SpiLength)
        {
            return false;
        }

        extension = new NhrpAuthenticationExtension
        {
            Compulsory = compulsory,
            Type = NhrpExtensionType.Authentication,
            Spi = BinaryPrimitives.ReadUInt32BigEndian(value),
            Password = value[SpiLength..].ToArray(),
        };
        return true;
    }

    /// <inheritdoc/>
    protected override void EmitValue(Span<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(value, Spi);
        Password.CopyTo(value[SpiLength..]);
    }
}

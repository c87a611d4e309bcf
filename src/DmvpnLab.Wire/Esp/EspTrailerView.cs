namespace DmvpnLab.Wire.Esp;

// The ESP trailer, RFC 4303 sections 2.4 to 2.6, found at the end of the decrypted payload:
//
//   +--------------------------------+-------------+-------------+
//   | payload ... | padding 1,2,3,.. | pad length  | next header |
//   +--------------------------------+-------------+-------------+
//                    0..255 bytes       1 byte       1 byte
//
// Section 2.4: without other instructions the padding bytes are 1, 2, 3, ... and a receiver
// SHOULD check them. The next header is an IP protocol number: 4 for an IPv4 packet in
// tunnel mode, 47 for GRE in transport mode (DMVPN's usual choice), 59 for a dummy packet.

/// <summary>A checked view of the plaintext of an ESP payload with its trailer.</summary>
public readonly ref struct EspTrailerView
{
    /// <summary>Bytes of the pad length and next header fields.</summary>
    public const int FixedLength = 2;

    private readonly ReadOnlySpan<byte> plaintext;

    private EspTrailerView(ReadOnlySpan<byte> plaintext) => this.plaintext = plaintext;

    /// <summary>
    /// Checks the pad length fits in the plaintext and the padding is the default 1, 2, 3...
    /// (a wrong pattern gives <see cref="WireError.Malformed"/>, RFC 4303 section 2.4).
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> plaintext, out EspTrailerView view, out WireError error)
    {
        view = default;
        if (plaintext.Length < FixedLength)
        {
            error = WireError.Truncated;
            return false;
        }

        int padLength = plaintext[^2];
        if (padLength + FixedLength > plaintext.Length)
        {
            error = WireError.BadLength;
            return false;
        }

        var padding = plaintext.Slice(plaintext.Length - FixedLength - padLength, padLength);
        for (int i = 0; i < padding.Length; i++)
        {
            if (padding[i] != (byte)(i + 1))
            {
                error = WireError.Malformed;
                return false;
            }
        }

        view = new EspTrailerView(plaintext);
        error = WireError.None;
        return true;
    }

    /// <summary>Bytes of padding before the pad length field.</summary>
    public int PadLength => plaintext[^2];

    /// <summary>The IP protocol number of the payload.</summary>
    public byte NextHeader => plaintext[^1];

    /// <summary>The payload: the plaintext without padding and trailer.</summary>
    public ReadOnlySpan<byte> Payload => plaintext[..^(PadLength + FixedLength)];
}

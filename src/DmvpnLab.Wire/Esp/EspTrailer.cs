namespace DmvpnLab.Wire.Esp;

/// <summary>Writers for the ESP trailer (layout in <see cref="EspTrailerView"/>).</summary>
public static class EspTrailer
{
    /// <summary>
    /// The trailer length (padding + 2) that makes payload and trailer a multiple of
    /// <paramref name="blockSize"/>; RFC 4303 section 2.4 wants at least 4-byte alignment,
    /// so block sizes below 4 count as 4.
    /// </summary>
    public static int GetLength(int payloadLength, int blockSize)
    {
        int alignment = Math.Max(blockSize, 4);
        int unpadded = payloadLength + EspTrailerView.FixedLength;
        int padLength = (alignment - unpadded % alignment) % alignment;
        return padLength + EspTrailerView.FixedLength;
    }

    /// <summary>
    /// Writes padding 1, 2, 3..., the pad length and the next header after a payload of
    /// <paramref name="payloadLength"/> bytes; <paramref name="trailer"/> starts right after
    /// the payload. Returns the trailer length.
    /// </summary>
    public static int Write(Span<byte> trailer, int payloadLength, int blockSize, byte nextHeader)
    {
        int length = GetLength(payloadLength, blockSize);
        int padLength = length - EspTrailerView.FixedLength;
        if (padLength > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize));
        }

        _ = trailer[length - 1];
        for (int i = 0; i < padLength; i++)
        {
            trailer[i] = (byte)(i + 1);
        }

        trailer[padLength] = (byte)padLength;
        trailer[padLength + 1] = nextHeader;
        return length;
    }
}

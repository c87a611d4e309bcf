using System.Buffers.Binary;

namespace DmvpnLab.Wire;

/// <summary>
/// The Internet checksum of RFC 1071: the ones' complement of the ones' complement sum of
/// the data taken as big-endian 16-bit words, an odd trailing byte padded with zero.
/// </summary>
/// <remarks>
/// RFC 1071 section 2 notes the sum is independent of byte order and can be deferred:
/// we add words into a 64-bit accumulator and fold the carries only when finishing, so
/// an accumulator may be fed piece by piece (pseudo-header, header, payload). Pieces fed
/// through <see cref="Add(ReadOnlySpan{byte})"/> must have even length except the last,
/// since an odd piece is padded as if it were the end of the data.
/// </remarks>
public struct InternetChecksum
{
    private ulong sum;

    /// <summary>The checksum of <paramref name="data"/>, ready to store in a header.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        var checksum = new InternetChecksum();
        checksum.Add(data);
        return checksum.Finish();
    }

    /// <summary>
    /// True when <paramref name="data"/>, checksum field included, sums to all ones, which
    /// is how RFC 1071 section 1 says a receiver verifies.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> data) => Compute(data) == 0;

    /// <summary>Adds bytes to the running sum (odd length only for the last piece).</summary>
    public void Add(ReadOnlySpan<byte> data)
    {
        ulong accumulator = sum;
        int index = 0;

        while (index + 8 <= data.Length)
        {
            ulong word = BinaryPrimitives.ReadUInt64BigEndian(data.Slice(index));
            accumulator += (word >> 48) + ((word >> 32) & 0xFFFF)
                + ((word >> 16) & 0xFFFF) + (word & 0xFFFF);
            index += 8;
        }

        while (index + 2 <= data.Length)
        {
            accumulator += BinaryPrimitives.ReadUInt16BigEndian(data.Slice(index));
            index += 2;
        }

        if (index < data.Length)
        {
            accumulator += (ulong)data[index] << 8;
        }

        sum = accumulator;
    }

    /// <summary>Adds one big-endian 16-bit word.</summary>
    public void AddUInt16(ushort value) => sum += value;

    /// <summary>Adds a 32-bit value as two 16-bit words.</summary>
    public void AddUInt32(uint value) => sum += (value >> 16) + (value & 0xFFFF);

    /// <summary>
    /// Adds the IPv4 pseudo-header that UDP and TCP cover (RFC 768, RFC 9293 3.1):
    /// source, destination, a zero byte, the protocol and the upper-layer length.
    /// </summary>
    public void AddIpv4PseudoHeader(
        Ipv4Address source, Ipv4Address destination, byte protocol, int upperLayerLength)
    {
        AddUInt32(source.Value);
        AddUInt32(destination.Value);
        AddUInt16(protocol);
        AddUInt16((ushort)upperLayerLength);
    }

    /// <summary>Folds the carries and returns the ones' complement of the sum.</summary>
    public readonly ushort Finish()
    {
        ulong folded = sum;
        while ((folded >> 16) != 0)
        {
            folded = (folded & 0xFFFF) + (folded >> 16);
        }

        return (ushort)~folded;
    }
}

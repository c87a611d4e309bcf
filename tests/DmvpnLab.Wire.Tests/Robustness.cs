namespace DmvpnLab.Wire.Tests;

/// <summary>
/// The bad-input sweeps every codec gets (STYLE.md rule 2): truncations and one-bit flips
/// of a real packet parse to a value or an error, never an exception.
/// </summary>
internal static class Robustness
{
    /// <summary>A parse attempt reduced to its outcome (views are ref structs).</summary>
    public delegate bool Parse(byte[] bytes, out WireError error);

    /// <summary>
    /// Every prefix shorter than <paramref name="mustFailBelow"/> fails with an error; every
    /// prefix at all never throws.
    /// </summary>
    public static void EveryTruncation(byte[] full, int mustFailBelow, Parse parse)
    {
        for (int length = 0; length < full.Length; length++)
        {
            byte[] prefix = full[..length];
            bool ok = parse(prefix, out var error);
            if (length < mustFailBelow)
            {
                Assert.False(ok, $"a {length}-byte prefix parsed");
                Assert.NotEqual(WireError.None, error);
            }
            else if (!ok)
            {
                Assert.NotEqual(WireError.None, error);
            }
        }
    }

    /// <summary>Every one-bit flip parses or gives an error; none throws.</summary>
    public static void EveryBitFlip(byte[] full, Parse parse)
    {
        for (int bit = 0; bit < full.Length * 8; bit++)
        {
            byte[] copy = (byte[])full.Clone();
            copy[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            bool ok = parse(copy, out var error);
            Assert.True(ok == (error == WireError.None), $"bit {bit}: {ok} with {error}");
        }
    }
}

namespace DmvpnLab.Wire.Tests;

/// <summary>Hex helpers for byte vectors in tests.</summary>
internal static class Hex
{
    /// <summary>Parses hex, ignoring spaces and newlines.</summary>
    public static byte[] Bytes(string hex) =>
        Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    /// <summary>Lower-case hex of the bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexString(bytes).ToLowerInvariant();
}

using System.Numerics;

namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// <see cref="BigInteger.ModPow"/> fallback, used only when libcrypto cannot be loaded:
/// it is about ten times slower (see DESIGN.md, performance budgets).
/// </summary>
internal sealed class ManagedModularExponentiation : IModularExponentiation
{
    public string Name => "managed BigInteger";

    public void GeneratorPower(ModpGroup group, ReadOnlySpan<byte> exponent, Span<byte> result)
    {
        BigInteger value = BigInteger.ModPow(
            group.Generator, ToInteger(exponent), ToInteger(group.Prime));
        Write(value, result, group.Length);
    }

    public void Power(
        ModpGroup group, ReadOnlySpan<byte> value, ReadOnlySpan<byte> exponent, Span<byte> result)
    {
        BigInteger power = BigInteger.ModPow(
            ToInteger(value), ToInteger(exponent), ToInteger(group.Prime));
        Write(power, result, group.Length);
    }

    private static BigInteger ToInteger(ReadOnlySpan<byte> bigEndian) =>
        new(bigEndian, isUnsigned: true, isBigEndian: true);

    private static void Write(BigInteger value, Span<byte> result, int length)
    {
        Span<byte> padded = result[..length];
        padded.Clear();
        int byteCount = value.GetByteCount(isUnsigned: true);
        bool written = value.TryWriteBytes(
            padded[(length - byteCount)..], out _, isUnsigned: true, isBigEndian: true);
        System.Diagnostics.Debug.Assert(written, "a residue mod p always fits in p's length");
    }
}

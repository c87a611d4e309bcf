namespace DmvpnLab.Protocols.Ike.Crypto;

/// <summary>
/// Computes powers modulo a MODP prime. Inputs and outputs are unsigned big-endian;
/// outputs are left-padded with zeros to <see cref="ModpGroup.Length"/>.
/// </summary>
internal interface IModularExponentiation
{
    string Name { get; }

    /// <summary>result = g^exponent mod p, with g the group's generator.</summary>
    void GeneratorPower(ModpGroup group, ReadOnlySpan<byte> exponent, Span<byte> result);

    /// <summary>result = value^exponent mod p.</summary>
    void Power(
        ModpGroup group, ReadOnlySpan<byte> value, ReadOnlySpan<byte> exponent, Span<byte> result);
}

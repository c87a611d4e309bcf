using System.Numerics;
using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

public class ModpGroupTests
{
    public static TheoryData<int, int> Groups =>
        new() { { 1, 768 }, { 2, 1024 }, { 5, 1536 }, { 14, 2048 } };

    [Theory]
    [MemberData(nameof(Groups))]
    public void FromNumber_KnownGroup_HasRfcShape(int number, int bits)
    {
        ModpGroup group = ModpGroup.FromNumber(number)!;

        Assert.Equal(bits, group.BitLength);
        Assert.Equal(bits / 8, group.Length);
        Assert.Equal(2, group.Generator);
        // RFC 2409 6 / RFC 3526: the top and bottom 64 bits are all ones.
        Assert.True(group.Prime[..8].IndexOfAnyExcept((byte)0xFF) < 0);
        Assert.True(group.Prime[^8..].IndexOfAnyExcept((byte)0xFF) < 0);
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Prime_FermatBaseThree_HoldsAsForAPrime(int number, int bits)
    {
        ModpGroup group = ModpGroup.FromNumber(number)!;
        var p = new BigInteger(group.Prime, isUnsigned: true, isBigEndian: true);

        Assert.Equal(bits, (int)p.GetBitLength());
        Assert.Equal(BigInteger.One, BigInteger.ModPow(3, p - 1, p));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(15)]
    public void FromNumber_UnsupportedGroup_IsNull(int number) =>
        Assert.Null(ModpGroup.FromNumber(number));
}

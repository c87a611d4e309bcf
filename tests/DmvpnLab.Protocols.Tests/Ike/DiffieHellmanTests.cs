using DmvpnLab.Protocols.Ike.Crypto;

namespace DmvpnLab.Protocols.Tests.Ike;

public class DiffieHellmanTests
{
    public static TheoryData<int> GroupNumbers => new() { 1, 2, 5, 14 };

    [Theory]
    [MemberData(nameof(GroupNumbers))]
    public void TryComputeSharedSecret_TwoKeyPairs_Agree(int number)
    {
        ModpGroup group = ModpGroup.FromNumber(number)!;
        var random = new Random(1234);
        DiffieHellmanKeyPair alice = DiffieHellman.Default.GenerateKeyPair(group, random);
        DiffieHellmanKeyPair bob = DiffieHellman.Default.GenerateKeyPair(group, random);

        Assert.True(DiffieHellman.Default.TryComputeSharedSecret(alice, bob.PublicValue,
            out byte[]? aliceSecret));
        Assert.True(DiffieHellman.Default.TryComputeSharedSecret(bob, alice.PublicValue,
            out byte[]? bobSecret));

        Assert.Equal(group.Length, alice.PublicValue.Length);
        Assert.Equal(group.Length, aliceSecret.Length);
        Assert.Equal(aliceSecret, bobSecret);
        Assert.NotEqual(alice.PublicValue, bob.PublicValue);
    }

    [Theory]
    [MemberData(nameof(GroupNumbers))]
    public void LibCryptoAndManaged_SameSeed_SameKeysAndSecret(int number)
    {
        Assert.NotNull(DiffieHellman.Native);
        ModpGroup group = ModpGroup.FromNumber(number)!;

        DiffieHellmanKeyPair native = DiffieHellman.Native.GenerateKeyPair(group, new Random(7));
        DiffieHellmanKeyPair managed = DiffieHellman.Managed.GenerateKeyPair(group, new Random(7));
        DiffieHellmanKeyPair peer = DiffieHellman.Managed.GenerateKeyPair(group, new Random(8));
        DiffieHellman.Native.TryComputeSharedSecret(native, peer.PublicValue, out byte[]? a);
        DiffieHellman.Managed.TryComputeSharedSecret(managed, peer.PublicValue, out byte[]? b);

        Assert.Equal(native.PrivateExponent, managed.PrivateExponent);
        Assert.Equal(native.PublicValue, managed.PublicValue);
        Assert.Equal(a, b);
    }

    [Fact]
    public void GenerateKeyPair_SameSeed_ReplaysIdentically()
    {
        DiffieHellmanKeyPair first = DiffieHellman.Default.GenerateKeyPair(
            ModpGroup.Group2, new Random(42));
        DiffieHellmanKeyPair second = DiffieHellman.Default.GenerateKeyPair(
            ModpGroup.Group2, new Random(42));

        Assert.Equal(first.PrivateExponent, second.PrivateExponent);
        Assert.Equal(first.PublicValue, second.PublicValue);
    }

    [Fact]
    public void GenerateKeyPair_SourceGivesZeros_RedrawsUntilAboveOne()
    {
        int calls = 0;
        void Fill(Span<byte> bytes)
        {
            bytes.Clear();
            if (++calls == 3)
            {
                bytes[^1] = 5;
            }
        }

        DiffieHellmanKeyPair keys = DiffieHellman.Default.GenerateKeyPair(ModpGroup.Group1, Fill);

        Assert.Equal(3, calls);
        Assert.Equal(5, keys.PrivateExponent[^1]);
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("one")]
    [InlineData("p-1")]
    [InlineData("p")]
    [InlineData("all-ones")]
    [InlineData("short")]
    [InlineData("long")]
    public void TryComputeSharedSecret_InvalidPeerValue_ReturnsFalse(string kind)
    {
        ModpGroup group = ModpGroup.Group2;
        byte[] peer = kind switch
        {
            "zero" => new byte[group.Length],
            "one" => OneAt(group.Length, 1),
            "p-1" => Minus(group.Prime.ToArray(), 1),
            "p" => group.Prime.ToArray(),
            "all-ones" => Enumerable.Repeat((byte)0xFF, group.Length).ToArray(),
            "short" => new byte[group.Length - 1],
            _ => new byte[group.Length + 1],
        };
        DiffieHellmanKeyPair own = DiffieHellman.Default.GenerateKeyPair(group, new Random(1));

        bool ok = DiffieHellman.Default.TryComputeSharedSecret(own, peer, out byte[]? secret);

        Assert.False(ok);
        Assert.Null(secret);
    }

    [Fact]
    public void IsValidPublicValue_Boundaries_TwoAndPMinusTwoAccepted()
    {
        ModpGroup group = ModpGroup.Group2;

        Assert.True(DiffieHellman.IsValidPublicValue(group, OneAt(group.Length, 2)));
        Assert.True(DiffieHellman.IsValidPublicValue(group, Minus(group.Prime.ToArray(), 2)));
    }

    private static byte[] OneAt(int length, byte last)
    {
        byte[] value = new byte[length];
        value[^1] = last;
        return value;
    }

    // Every MODP prime ends in 0xFF, so no borrow crosses the last byte.
    private static byte[] Minus(byte[] value, byte amount)
    {
        value[^1] -= amount;
        return value;
    }
}

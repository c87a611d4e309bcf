namespace DmvpnLab.Wire.Tests;

public class Ipv4AddressTests
{
    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("192.168.160.10", 0xC0A8A00Au)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    public void DottedQuad_Parse_ValueAndBack(string text, uint value)
    {
        var address = Ipv4Address.Parse(text);

        Assert.Equal(value, address.Value);
        Assert.Equal(text, address.ToString());
        Assert.Equal(text, $"{address}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1..3.4")]
    [InlineData("a.b.c.d")]
    [InlineData("1.2.3.1000")]
    public void Garbage_TryParse_False(string text)
    {
        Assert.False(Ipv4Address.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Ipv4Address.Parse(text));
    }

    [Theory]
    [InlineData(0, "0.0.0.0")]
    [InlineData(8, "255.0.0.0")]
    [InlineData(30, "255.255.255.252")]
    [InlineData(32, "255.255.255.255")]
    public void PrefixLength_ToMaskAndBack(int prefixLength, string mask)
    {
        Assert.Equal(mask, Ipv4Address.PrefixLengthToMask(prefixLength).ToString());
        Assert.Equal(prefixLength, Ipv4Address.MaskToPrefixLength(Ipv4Address.Parse(mask)));
    }

    [Fact]
    public void NonContiguousMask_MaskToPrefixLength_MinusOne()
    {
        Assert.Equal(-1, Ipv4Address.MaskToPrefixLength(Ipv4Address.Parse("255.0.255.0")));
    }

    [Fact]
    public void Subnet_IsInSubnet_ChecksMaskedBits()
    {
        var address = Ipv4Address.Parse("10.0.0.5");

        Assert.True(address.IsInSubnet(Ipv4Address.Parse("10.0.0.4"), 30));
        Assert.False(address.IsInSubnet(Ipv4Address.Parse("10.0.0.8"), 30));
        Assert.True(address.IsInSubnet(Ipv4Address.Any, 0));
        Assert.Equal("10.0.0.4", address.Network(30).ToString());
    }

    [Fact]
    public void Bytes_ReadWrite_BigEndian()
    {
        Span<byte> buffer = stackalloc byte[4];
        Ipv4Address.Parse("224.0.0.10").Write(buffer);

        Assert.Equal("e000000a", Hex.Of(buffer));
        Assert.True(Ipv4Address.Read(buffer).IsMulticast);
        Assert.True(Ipv4Address.Broadcast.IsBroadcast);
    }
}

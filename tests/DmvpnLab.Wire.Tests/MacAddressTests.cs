namespace DmvpnLab.Wire.Tests;

public class MacAddressTests
{
    [Fact]
    public void Address_Formats_ColonAndCiscoDotted()
    {
        var mac = MacAddress.Parse("aa:bb:cc:00:01:00");

        Assert.Equal(0xAABBCC000100UL, mac.Value);
        Assert.Equal("aa:bb:cc:00:01:00", mac.ToString());
        Assert.Equal("aabb.cc00.0100", mac.ToCiscoString());
        Assert.Equal(mac, MacAddress.Parse("aabb.cc00.0100"));
        Assert.Equal(mac, MacAddress.Parse("AA-BB-CC-00-01-00"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("aa:bb:cc:00:01")]
    [InlineData("aabb.cc00.010g")]
    [InlineData("aa:bb:cc:00:01:00:11")]
    [InlineData("aabb:cc00.0100")]
    public void Garbage_TryParse_False(string text)
    {
        Assert.False(MacAddress.TryParse(text, out _));
    }

    [Fact]
    public void GroupBit_IsMulticast()
    {
        Assert.True(MacAddress.Broadcast.IsMulticast);
        Assert.True(MacAddress.Broadcast.IsBroadcast);
        Assert.True(MacAddress.Parse("01:00:5e:00:00:0a").IsMulticast);
        Assert.False(MacAddress.Parse("aa:bb:cc:00:01:00").IsMulticast);
        Assert.Equal("01:00:5e:00:00:0a",
            MacAddress.FromIpv4Multicast(Ipv4Address.Parse("224.0.0.10")).ToString());
    }

    [Fact]
    public void Bytes_ReadWrite_WireOrder()
    {
        Span<byte> buffer = stackalloc byte[6];
        MacAddress.Parse("aabb.cc00.0100").Write(buffer);

        Assert.Equal("aabbcc000100", Hex.Of(buffer));
        Assert.Equal("aabb.cc00.0100", MacAddress.Read(buffer).ToCiscoString());
    }
}

namespace DmvpnLab.Ios.Tests;

public class InterfaceNamesTests
{
    [Theory]
    [InlineData("gi0/0", "GigabitEthernet0/0")]
    [InlineData("Gig0/0", "GigabitEthernet0/0")]
    [InlineData("GigabitEthernet0/0", "GigabitEthernet0/0")]
    [InlineData("Tunnel1", "Tunnel1")]
    [InlineData("tu1", "Tunnel1")]
    [InlineData("e0/0", "Ethernet0/0")]
    [InlineData("Loopback0", "Loopback0")]
    [InlineData("lo0", "Loopback0")]
    [InlineData("fa0/1.100", "FastEthernet0/1.100")]
    [InlineData("te1/0/1", "TenGigabitEthernet1/0/1")]
    public void TryNormalize_Abbreviation_GivesFullName(string text, string expected)
    {
        Assert.True(InterfaceNames.TryNormalize(text, out string name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0/0")]
    [InlineData("gi")]
    [InlineData("xyz0/0")]
    [InlineData("gi0/")]
    [InlineData("gi0//0")]
    [InlineData("Tunnel1a")]
    public void TryNormalize_NotAnInterface_Fails(string text)
    {
        Assert.False(InterfaceNames.TryNormalize(text, out _));
    }

    [Fact]
    public void TryNormalize_TypeAndNumberApart_GivesFullName()
    {
        Assert.True(InterfaceNames.TryNormalize("tun", "1", out string name));
        Assert.Equal("Tunnel1", name);
    }

    [Theory]
    [InlineData("10.10.10.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("10.10.10.256", false)]
    [InlineData("10.10.10", false)]
    [InlineData("10", false)]
    [InlineData("10.10.10.1.", false)]
    [InlineData("10..10.1", false)]
    [InlineData("1a.1.1.1", false)]
    [InlineData("0010.1.1.1", false)]
    [InlineData("", false)]
    public void Ipv4Text_TryParse_IsStrictDottedQuad(string text, bool valid)
    {
        Assert.Equal(valid, Ipv4Text.TryParse(text, out _));
    }
}

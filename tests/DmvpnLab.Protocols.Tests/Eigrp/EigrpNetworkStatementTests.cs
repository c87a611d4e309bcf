using DmvpnLab.Protocols.Eigrp;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Tests.Eigrp;

public class EigrpNetworkStatementTests
{
    [Theory]
    [InlineData("10.0.0.0", "10.10.10.5", true)]
    [InlineData("10.0.0.0", "11.0.0.1", false)]
    [InlineData("1.0.0.0", "1.1.1.2", true)]
    [InlineData("172.16.1.1", "172.16.200.1", true)]
    [InlineData("192.168.1.0", "192.168.2.1", false)]
    public void NoWildcard_CoversTheClassfulNetwork(string network, string address, bool covered)
    {
        var statement = EigrpNetworkStatement.Create(Ipv4Address.Parse(network), null);

        Assert.Equal(covered, statement.Covers(Ipv4Address.Parse(address)));
    }

    [Fact]
    public void Wildcard_CoversOnlyItsBits_AndPrintsAsPrefix()
    {
        var statement = EigrpNetworkStatement.Create(Ipv4Address.Parse("10.10.10.1"),
            Ipv4Address.Parse("0.0.0.3"));

        Assert.True(statement.Covers(Ipv4Address.Parse("10.10.10.2")));
        Assert.False(statement.Covers(Ipv4Address.Parse("10.10.10.5")));
        Assert.Equal("10.10.10.0/30", statement.ToString());
    }

    [Fact]
    public void Classful_PrintsTheNetwork()
    {
        var statement = EigrpNetworkStatement.Create(Ipv4Address.Parse("10.1.2.3"), null);

        Assert.Equal("10.0.0.0", statement.ToString());
    }
}

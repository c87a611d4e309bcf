using DmvpnLab.Ios.Parsing;

namespace DmvpnLab.Ios.Tests;

public class CommandPatternTests
{
    [Fact]
    public void Expand_NestedOptional_GivesEveryPrefix()
    {
        var variants = CommandPattern.Expand("keepalive [<1-32767> [<1-255>]]");

        Assert.Equal(
            ["keepalive", "keepalive <1-32767>", "keepalive <1-32767> <1-255>"],
            variants.Select(v => string.Join(" ", v)));
    }

    [Fact]
    public void Expand_Alternatives_GivesOneVariantEach()
    {
        var variants = CommandPattern.Expand("ip nhrp map multicast {dynamic|<A.B.C.D>}");

        Assert.Equal(2, variants.Count);
        Assert.True(variants[0][^1].IsVariable);
        Assert.Equal(ParameterKind.Ipv4Address, variants[1][^1].Kind);
    }

    [Fact]
    public void Expand_NamedParameter_KeepsName()
    {
        var variants = CommandPattern.Expand("ip nhrp map <A.B.C.D:ip> <A.B.C.D:nbma>");

        Assert.Equal("nbma", variants[0][^1].Name);
    }

    [Theory]
    [InlineData("keepalive [<1-10>")]
    [InlineData("keepalive <1-10>]")]
    [InlineData("a <NOPE>")]
    [InlineData("a <10-1>")]
    [InlineData("[a]")]
    [InlineData("description <LINE> extra")]
    [InlineData("a b<c")]
    public void Expand_MalformedPattern_Throws(string pattern)
    {
        Assert.Throws<ArgumentException>(() => CommandPattern.Expand(pattern));
    }

    [Fact]
    public void Register_SameWordsTwice_Throws()
    {
        var modes = new CliModes();
        modes.GlobalConfig.Commands.Register("tunnel key <0-10>", _ => CommandResult.Ok);

        Assert.Throws<InvalidOperationException>(() =>
            modes.GlobalConfig.Commands.Register("tunnel key <0-10>", _ => CommandResult.Ok));
    }
}

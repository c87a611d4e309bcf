using DmvpnLab.Wire.Dissect;

namespace DmvpnLab.Wire.Tests.Dissect;

public class FieldNamesTests
{
    [Theory]
    [InlineData(DissectProtocol.Ipv4, 10, "header checksum")]
    [InlineData(DissectProtocol.Ipv4, 20, "options")]
    [InlineData(DissectProtocol.Udp, 6, "checksum")]
    [InlineData(DissectProtocol.Isakmp, 24, "length")]
    [InlineData(DissectProtocol.Esp, 5, "sequence number")]
    [InlineData(DissectProtocol.Eigrp, 18, "autonomous system")]
    [InlineData(DissectProtocol.Nhrp, 10, "ar$pktsz")]
    public void FixedHeaderOffsets_NamedAsTheRfcNamesThem(
        DissectProtocol protocol, int offset, string name)
    {
        byte[] layer = new byte[64];
        layer[0] = 0x46;

        Assert.Equal(name, FieldNames.At(protocol, layer, offset));
    }

    [Theory]
    [InlineData(0x0000, 4, "payload")]
    [InlineData(0x2000, 4, "key")]
    [InlineData(0xA000, 6, "reserved1")]
    [InlineData(0xA000, 9, "key")]
    [InlineData(0x3000, 8, "sequence number")]
    public void GreOffsets_FollowTheFlags(int flags, int offset, string name)
    {
        byte[] layer = [(byte)(flags >> 8), (byte)flags, 0x08, 0x00, .. new byte[16]];

        Assert.Equal(name, FieldNames.At(DissectProtocol.Gre, layer, offset));
    }

    [Fact]
    public void EthernetWithTag_TypeAfterTheTag()
    {
        byte[] layer = [.. new byte[12], 0x81, 0x00, 0, 5, 0x08, 0x00];

        Assert.Equal("802.1Q TCI", FieldNames.At(DissectProtocol.Ethernet, layer, 14));
        Assert.Equal("type", FieldNames.At(DissectProtocol.Ethernet, layer, 16));
    }
}

namespace DmvpnLab.Wire.Tests;

public class InternetChecksumTests
{
    [Fact]
    public void Rfc1071Example_Compute_GivesComplementOfDdf2()
    {
        // RFC 1071 section 3 works this example: the sum is 0xddf2.
        byte[] data = Hex.Bytes("0001f203f4f5f6f7");

        Assert.Equal(0x220d, InternetChecksum.Compute(data));
    }

    [Fact]
    public void OddLength_Compute_PadsWithZero()
    {
        Assert.Equal(InternetChecksum.Compute(Hex.Bytes("abcd12")),
            InternetChecksum.Compute(Hex.Bytes("abcd1200")));
    }

    [Fact]
    public void PiecesOfEvenLength_Add_SameAsOneShot()
    {
        byte[] data = RefData.Frame("EIGRP_adjacency.pcap", 15);
        var sum = new InternetChecksum();
        sum.Add(data.AsSpan(0, 10));
        sum.Add(data.AsSpan(10, 100));
        sum.Add(data.AsSpan(110));

        Assert.Equal(InternetChecksum.Compute(data), sum.Finish());
    }

    [Fact]
    public void DataWithItsChecksum_Verify_True()
    {
        // A textbook IPv4 header with its checksum field zeroed.
        byte[] data = Hex.Bytes("450000730000400040110000c0a80001c0a800c7");
        ushort checksum = InternetChecksum.Compute(data);
        data[10] = (byte)(checksum >> 8);
        data[11] = (byte)checksum;

        Assert.True(InternetChecksum.Verify(data));
        Assert.Equal(0xb861, checksum);
    }
}

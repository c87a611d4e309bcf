using System.Buffers.Binary;
using DmvpnLab.Protocols.Ipsec.Crypto;

namespace DmvpnLab.Protocols.Tests.Ipsec;

// Real ESP from the tcpdump test suite (KAME/openswan fixtures, shared/refdata/pcaps/tcpdump):
// tunnel mode, SPI 0x12345678, 3DES-CBC with a 96-bit ICV whose key is not published,
// so the ICV is not checked.
public class EspCaptureTests
{
    private const int EthernetLength = 14;

    // 02-sunrise-sunset-esp.pcap is decrypted in tcpdump's TESTLIST ("esp1") with a key
    // given on the command line, not the first line of esp-secrets.txt (that line's key,
    // the same bytes rotated by one, decrypts 08-sunrise-sunset-esp2.pcap instead). This
    // key was checked with TShark 4.0.17: it yields ICMP 192.0.2.1 -> 192.0.1.1.
    private const string SunriseKey = "4043434545464649494a4a4c4c4f4f515152525454575758";

    [Fact]
    public void Decrypt_SunriseSunsetFirstPacket_InnerIpv4HeaderIsSane()
    {
        byte[] esp = FirstEsp("02-sunrise-sunset-esp.pcap");
        using EspSecurityAssociation sa = ReceiveSa(0x12345678, Convert.FromHexString(SunriseKey));
        byte[] inner = new byte[esp.Length];

        bool ok = sa.TryDecrypt(esp, inner, out int length, out byte next, out var reason);

        Assert.True(ok, reason.ToString());
        Assert.Equal(4, next);
        Assert.Equal(84, length);
        AssertSaneIpv4(inner.AsSpan(0, length), protocol: 1, "192.0.2.1", "192.0.1.1");
    }

    [Fact]
    public void Decrypt_SunriseSunsetEsp2_NestedSasWithKeysFromSecretsFile()
    {
        Dictionary<uint, byte[]> keys = ReadSecrets();
        byte[] outer = FirstEsp("08-sunrise-sunset-esp2.pcap");
        using EspSecurityAssociation outerSa = ReceiveSa(0x12345678, keys[0x12345678]);
        using EspSecurityAssociation innerSa = ReceiveSa(0xABCDABCD, keys[0xABCDABCD]);
        byte[] middle = new byte[outer.Length];
        byte[] innermost = new byte[outer.Length];

        Assert.True(outerSa.TryDecrypt(outer, middle, out int middleLength, out _, out var r1),
            r1.ToString());
        AssertSaneIpv4(middle.AsSpan(0, middleLength), protocol: 50, "192.1.2.23", "192.0.1.1");
        Assert.True(innerSa.TryDecrypt(middle.AsSpan(20, middleLength - 20), innermost,
            out int innerLength, out byte next, out var r2), r2.ToString());

        Assert.Equal(4, next);
        AssertSaneIpv4(innermost.AsSpan(0, innerLength), protocol: 1, "192.0.2.1", "192.0.1.1");
    }

    private static EspSecurityAssociation ReceiveSa(uint spi, byte[] key) =>
        new(spi, EspEncryptionAlgorithm.TripleDesCbc, key, EspIntegrityAlgorithm.HmacMd596, [])
        {
            SkipIcvCheck = true,
        };

    // The ESP header of the first frame: Ethernet, then an option-less IPv4 header.
    private static byte[] FirstEsp(string file)
    {
        byte[] frame = PcapFile.ReadEthernetFrames(RefData.Path("pcaps", "tcpdump", file))[0];
        Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)));
        ReadOnlySpan<byte> ip = frame.AsSpan(EthernetLength);
        Assert.Equal(50, ip[9]);
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        return ip[((ip[0] & 0x0F) * 4)..totalLength].ToArray();
    }

    // Lines such as "0x12345678@192.1.2.45 3des-cbc-hmac96:0x4043...".
    private static Dictionary<uint, byte[]> ReadSecrets()
    {
        var keys = new Dictionary<uint, byte[]>();
        foreach (string line in File.ReadLines(RefData.Path("pcaps", "tcpdump", "esp-secrets.txt")))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || !fields[1].StartsWith("3des-cbc", StringComparison.Ordinal))
            {
                continue;
            }

            uint spi = Convert.ToUInt32(fields[0][..fields[0].IndexOf('@')], 16);
            keys[spi] = Convert.FromHexString(fields[1][(fields[1].IndexOf(":0x") + 3)..]);
        }

        return keys;
    }

    private static void AssertSaneIpv4(
        ReadOnlySpan<byte> packet, byte protocol, string source, string destination)
    {
        Assert.Equal(0x45, packet[0]);
        Assert.Equal(packet.Length, BinaryPrimitives.ReadUInt16BigEndian(packet[2..]));
        Assert.Equal(protocol, packet[9]);
        Assert.Equal(source, new System.Net.IPAddress(packet.Slice(12, 4)).ToString());
        Assert.Equal(destination, new System.Net.IPAddress(packet.Slice(16, 4)).ToString());
    }
}

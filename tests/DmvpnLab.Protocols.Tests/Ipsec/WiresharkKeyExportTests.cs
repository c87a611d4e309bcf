using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using DmvpnLab.Protocols.Ipsec.Crypto;

namespace DmvpnLab.Protocols.Tests.Ipsec;

public class WiresharkKeyExportTests
{
    private static readonly IPAddress Hub = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress Spoke = IPAddress.Parse("198.51.100.2");

    [Fact]
    public void FormatEspSa_TripleDesMd5_Wireshark40Line()
    {
        string line = WiresharkKeyExport.FormatEspSa(Hub, Spoke, 0x1234ABCD,
            EspEncryptionAlgorithm.TripleDesCbc, Convert.FromHexString("0011"),
            EspIntegrityAlgorithm.HmacMd596, Convert.FromHexString("AABB"));

        Assert.Equal("\"IPv4\",\"192.0.2.1\",\"198.51.100.2\",\"0x1234abcd\"," +
            "\"TripleDES-CBC [RFC2451]\",\"0x0011\",\"HMAC-MD5-96 [RFC2403]\",\"0xaabb\"", line);
    }

    [Theory]
    [InlineData(EspEncryptionAlgorithm.AesCbc, "AES-CBC [RFC3602]")]
    [InlineData(EspEncryptionAlgorithm.AesGcm16, "AES-GCM with 16 octet ICV [RFC4106]")]
    public void EncryptionName_Aes_Wireshark40Strings(
        EspEncryptionAlgorithm algorithm, string name) =>
        Assert.Equal(name, WiresharkKeyExport.EncryptionName(algorithm));

    // The value strings of TShark 4.0.17's ESP dissector (read from libwireshark.so).
    [Theory]
    [InlineData(EspIntegrityAlgorithm.HmacSha196, "HMAC-SHA-1-96 [RFC2404]")]
    [InlineData(EspIntegrityAlgorithm.HmacSha256128, "HMAC-SHA-256-128 [RFC4868]")]
    [InlineData(EspIntegrityAlgorithm.HmacSha384192, "HMAC-SHA-384-192 [RFC4868]")]
    [InlineData(EspIntegrityAlgorithm.HmacSha512256, "HMAC-SHA-512-256 [RFC4868]")]
    [InlineData(EspIntegrityAlgorithm.None, "NULL")]
    public void IntegrityName_Wireshark40Strings(EspIntegrityAlgorithm algorithm, string name) =>
        Assert.Equal(name, WiresharkKeyExport.IntegrityName(algorithm));

    [Fact]
    public void FormatIkev1Decryption_BareHexPair()
    {
        string line = WiresharkKeyExport.FormatIkev1Decryption(
            Convert.FromHexString("0102030405060708"), Convert.FromHexString("A0B1C2"));

        Assert.Equal("0102030405060708,a0b1c2", line);
    }

    // Encrypts packets with our SAs, writes them to a pcap and lets the installed tshark
    // decrypt them with the exported lines: the ICV must verify and the inner IPv4 appear.
    [Theory]
    [InlineData(EspEncryptionAlgorithm.TripleDesCbc, 24, EspIntegrityAlgorithm.HmacMd596, 16)]
    [InlineData(EspEncryptionAlgorithm.AesCbc, 16, EspIntegrityAlgorithm.HmacSha196, 20)]
    [InlineData(EspEncryptionAlgorithm.AesGcm16, 20, EspIntegrityAlgorithm.None, 0)]
    [InlineData(EspEncryptionAlgorithm.AesGcm16, 36, EspIntegrityAlgorithm.None, 0)]
    [InlineData(EspEncryptionAlgorithm.AesCbc, 32, EspIntegrityAlgorithm.HmacSha256128, 32)]
    [InlineData(EspEncryptionAlgorithm.AesCbc, 24, EspIntegrityAlgorithm.HmacSha384192, 48)]
    [InlineData(EspEncryptionAlgorithm.AesCbc, 16, EspIntegrityAlgorithm.HmacSha512256, 64)]
    public void FormatEspSa_OwnPackets_TsharkDecryptsAndVerifies(
        EspEncryptionAlgorithm encryption, int keyLength, EspIntegrityAlgorithm integrity,
        int integrityKeyLength)
    {
        string? tshark = FindTshark();
        if (tshark is null)
        {
            return; // tshark is a Debian package of the dev image; absent elsewhere.
        }

        using var sa = new EspSecurityAssociation(0x0BADCAFE, encryption,
            EspSecurityAssociationTests.Key(keyLength), integrity,
            EspSecurityAssociationTests.Key(integrityKeyLength));
        string pcap = Path.Combine(Path.GetTempPath(), $"dmvpnlab-esp-{Guid.NewGuid():n}.pcap");
        PcapFile.WriteEthernetFrames(pcap, [Frame(sa, 1), Frame(sa, 2)]);

        try
        {
            string output = Run(tshark, "-r", pcap, "-o", "esp.enable_encryption_decode:TRUE",
                "-o", "esp.enable_authentication_check:TRUE",
                "-o", "uat:esp_sa:" + WiresharkKeyExport.FormatEspSa(Hub, Spoke, sa),
                "-T", "fields", "-e", "esp.icv_good", "-e", "ip.dst", "-e", "icmp.seq");

            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Equal("1\t198.51.100.2,10.0.0.2\t1", lines[0].TrimEnd('\r'));
            Assert.Equal("1\t198.51.100.2,10.0.0.2\t2", lines[1].TrimEnd('\r'));
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    private static byte[] Frame(EspSecurityAssociation sa, ushort icmpSequence)
    {
        byte[] inner = Ipv4("10.0.0.1", "10.0.0.2", protocol: 1,
            [8, 0, 0, 0, 0, 7, 0, (byte)icmpSequence, .. "dmvpnlab"u8]);
        FixIcmpChecksum(inner.AsSpan(20));
        byte[] esp = new byte[sa.GetEncryptedLength(inner.Length)];
        byte[] iv = Enumerable.Repeat((byte)icmpSequence, sa.IvLength).ToArray();
        sa.Encrypt(inner, 4, esp, iv);

        byte[] outer = Ipv4(Hub.ToString(), Spoke.ToString(), protocol: 50, esp);
        byte[] ethernet = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00];
        return [.. ethernet, .. outer];
    }

    private static byte[] Ipv4(string source, string destination, byte protocol, byte[] payload)
    {
        byte[] packet = new byte[20 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = protocol;
        IPAddress.Parse(source).TryWriteBytes(packet.AsSpan(12), out _);
        IPAddress.Parse(destination).TryWriteBytes(packet.AsSpan(16), out _);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Checksum(packet.AsSpan(0, 20)));
        payload.CopyTo(packet, 20);
        return packet;
    }

    private static void FixIcmpChecksum(Span<byte> icmp) =>
        BinaryPrimitives.WriteUInt16BigEndian(icmp[2..], Checksum(icmp));

    private static ushort Checksum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (int i = 0; i < bytes.Length; i += 2)
        {
            sum += (uint)(bytes[i] << 8) + (i + 1 < bytes.Length ? bytes[i + 1] : 0u);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    private static string? FindTshark() =>
        new[] { "/usr/bin/tshark", "/usr/local/bin/tshark" }.FirstOrDefault(File.Exists);

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}

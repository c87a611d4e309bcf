using System.Net;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Capture;
using DmvpnLab.Wire.Ethernet;
using DmvpnLab.Wire.Icmp;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Lab.Tests.Tools;

/// <summary>
/// Proves the key-file mechanism <see cref="CaptureDecodeTests"/> relies on, without a lab:
/// two SAs (the lab notes' 3DES/HMAC-MD5 and AES-GCM) encrypt ICMP into a pcap, their
/// <c>esp_sa</c> lines go into a file, and tshark given that file's lines decrypts both,
/// checks both ICVs and shows no malformed packet or expert error.
/// </summary>
public class TsharkKeyFileTests : IDisposable
{
    // RFC 4303 2.6: in tunnel mode the Next Header of an IPv4 payload is 4 (IP-in-IP).
    private const byte IpInIp = 4;

    private static readonly Ipv4Address Hub = Ipv4Address.Parse("10.10.10.1");
    private static readonly Ipv4Address Spoke = Ipv4Address.Parse("10.10.10.5");

    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "dmvpnlab-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void EspSaFile_TwoSas_TsharkDecryptsBothAndVerifiesIcv()
    {
        Directory.CreateDirectory(folder);
        using var tripleDes = new EspSecurityAssociation(0x1111_0001,
            EspEncryptionAlgorithm.TripleDesCbc, Key(24, 1), EspIntegrityAlgorithm.HmacMd596,
            Key(16, 50));
        using var gcm = new EspSecurityAssociation(0x2222_0002, EspEncryptionAlgorithm.AesGcm16,
            Key(20, 90), EspIntegrityAlgorithm.None, []);
        string pcap = Path.Combine(folder, "esp.pcap");
        using (var writer = new PcapWriter(File.Create(pcap)))
        {
            writer.Write(1_000_000_000, Frame(tripleDes, Hub, Spoke, 1));
            writer.Write(2_000_000_000, Frame(gcm, Spoke, Hub, 2));
        }

        File.WriteAllLines(Path.Combine(folder, Tshark.EspTable), [
            WiresharkKeyExport.FormatEspSa(Ip(Hub), Ip(Spoke), tripleDes),
            WiresharkKeyExport.FormatEspSa(Ip(Spoke), Ip(Hub), gcm),
        ]);
        File.WriteAllLines(Path.Combine(folder, Tshark.IkeTable), []);
        var options = Tshark.KeyOptions(folder);
        options.AddRange(["-o", "esp.enable_authentication_check:TRUE"]);

        var frames = Tshark.Fields(pcap, options, "esp.spi", "esp.icv_good", "icmp.seq");
        string problems = Tshark.Read(pcap, options, "-Y", Tshark.ProblemFilter);

        Assert.Equal(2, frames.Count);
        Assert.Equal(["0x11110001", "1", "1"], frames[0]);
        Assert.Equal(["0x22220002", "1", "2"], frames[1]);
        Assert.Equal("", problems);
    }

    [Fact]
    public void NoKeyFiles_EspStaysEncrypted()
    {
        Directory.CreateDirectory(folder);
        using var sa = new EspSecurityAssociation(0x1111_0001,
            EspEncryptionAlgorithm.TripleDesCbc, Key(24, 1), EspIntegrityAlgorithm.HmacMd596,
            Key(16, 50));
        string pcap = Path.Combine(folder, "esp.pcap");
        using (var writer = new PcapWriter(File.Create(pcap)))
            writer.Write(0, Frame(sa, Hub, Spoke, 1));

        var frames = Tshark.Fields(pcap, Tshark.KeyOptions(folder), "esp.spi", "icmp.seq");

        Assert.Equal(["0x11110001", ""], Assert.Single(frames));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private static byte[] Key(int length, int first) =>
        Enumerable.Range(first, length).Select(i => (byte)i).ToArray();

    private static IPAddress Ip(Ipv4Address address) => IPAddress.Parse(address.ToString());

    // Ethernet / IPv4 (proto 50) / ESP tunnel mode around IPv4 / ICMP echo request.
    private static byte[] Frame(EspSecurityAssociation sa, Ipv4Address source,
        Ipv4Address destination, ushort sequence)
    {
        byte[] echo = new byte[IcmpMessageView.HeaderLength + 32];
        IcmpMessage.WriteEchoHeader(echo, reply: false, identifier: 7, sequenceNumber: sequence);
        byte[] inner = new byte[20 + echo.Length];
        Ipv4Header.WriteHeader(inner, Ipv4Address.Parse("192.168.160.10"),
            Ipv4Address.Parse("192.168.164.10"), IpProtocol.Icmp, 63, 0, sequence, false,
            echo.Length);
        echo.CopyTo(inner, 20);

        byte[] esp = new byte[sa.GetEncryptedLength(inner.Length)];
        byte[] iv = Enumerable.Repeat((byte)(0x40 + sequence), sa.IvLength).ToArray();
        sa.Encrypt(inner, IpInIp, esp, iv);

        byte[] frame = new byte[14 + 20 + esp.Length];
        EthernetFrame.WriteHeader(frame, MacAddress.Parse("02:00:00:00:00:02"),
            MacAddress.Parse("02:00:00:00:00:01"), EtherType.Ipv4);
        Ipv4Header.WriteHeader(frame.AsSpan(14), source, destination, IpProtocol.Esp, 255, 0,
            sequence, false, esp.Length);
        esp.CopyTo(frame, 34);
        return frame;
    }
}

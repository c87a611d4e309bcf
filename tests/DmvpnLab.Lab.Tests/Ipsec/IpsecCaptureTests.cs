using System.Diagnostics;
using DmvpnLab.Lab.Captures;
using Xunit.Abstractions;

namespace DmvpnLab.Lab.Tests.Ipsec;

/// <summary>
/// Runs the protected pair with captures on, exports the keys as `run` does, and lets the
/// installed tshark decode the link: Main and Quick Mode must decode (the encrypted ones
/// with the exported ISAKMP keys) without a malformed packet, and ESP must decrypt to GRE.
/// </summary>
public class IpsecCaptureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tunnel", false)]
    [InlineData("transport", false)]
    [InlineData("tunnel", true)]
    public void ProtectedPair_CaptureWithExportedKeys_TsharkDecodesIsakmpAndEsp(string mode,
        bool aes256Sha256)
    {
        string? tshark = new[] { "/usr/bin/tshark", "/usr/local/bin/tshark" }
            .FirstOrDefault(File.Exists);
        if (tshark is null)
        {
            output.WriteLine("SKIPPED: tshark is not installed (Debian package tshark)");
            return;
        }

        using var lab = ProtectedTunnelLab.Boot(mode: mode, captures: true,
            policy: aes256Sha256 ? ProtectedTunnelLab.ModernPolicy : ProtectedTunnelLab.Policy);
        lab.Execute("R1", "ping 172.16.1.2");
        lab.Execute("R2", "clear crypto sa");
        lab.Lab.Scheduler.RunFor(TimeSpan.FromSeconds(1));
        lab.Execute("R1", "ping 172.16.1.2");
        lab.Lab.Finish();

        string folder = lab.Lab.CaptureFolder!;
        string pcap = Directory.GetFiles(folder, "*.pcap").Single();
        var arguments = new List<string> { "-r", pcap, "-V", "-o",
            "esp.enable_encryption_decode:TRUE", "-o", "esp.enable_authentication_check:TRUE" };
        string espFile = Path.Combine(folder, CryptoKeyExport.EspFileName);
        foreach (string line in File.ReadAllLines(espFile))
        {
            arguments.AddRange(["-o", "uat:esp_sa:" + line]);
        }

        string[] ikeLines = File.ReadAllLines(Path.Combine(folder, CryptoKeyExport.IkeFileName));
        Assert.Single(ikeLines);
        arguments.AddRange(["-o", "uat:ikev1_decryption_table:" + ikeLines[0]]);

        string decode = Run(tshark, arguments);

        Assert.DoesNotContain("Malformed", decode);
        Assert.DoesNotContain("Expert Info (Warning", decode);
        Assert.Contains("Exchange type: Identity Protection (Main Mode) (2)", decode);
        Assert.Contains("Exchange type: Quick Mode (32)", decode);
        Assert.Contains("Exchange type: Informational (5)", decode);
        // Messages 5/6 and Quick Mode decrypt: their ID and HASH payloads are dissected.
        Assert.Contains("Payload: Identification (5)", decode);
        Assert.Contains("ID type: IPV4_ADDR (1)", decode);
        Assert.Contains("Protocol ID: Generic Routing Encapsulation (47)", decode);
        Assert.Contains("Payload: Delete (12)", decode);
        Assert.Contains("Payload: NAT-D (RFC 3947) (20)", decode);
        // ESP decrypts, authenticates and carries the tunnel's GRE and the ping inside.
        int esp = Count(decode, "Encapsulating Security Payload\n");
        Assert.True(esp >= 10, $"only {esp} ESP packets");
        string integrity = aes256Sha256 ? "HMAC-SHA-256-128 [RFC4868]" : "HMAC-MD5-96 [RFC2403]";
        Assert.Equal(esp, Count(decode, $"<{integrity}> [correct]"));
        if (aes256Sha256)
        {
            Assert.Contains("Encryption Algorithm: AES-CBC (7)", decode);
            Assert.Contains("Key Length: 256", decode);
            Assert.Contains("HASH Algorithm: SHA2-256 (4)", decode);
            Assert.Contains("Authentication Algorithm: HMAC-SHA2-256 (5)", decode);
        }

        string inner = mode == "tunnel" ? "ip:esp:ip:gre:ip:icmp" : "ip:esp:gre:ip:icmp";
        Assert.Equal(esp, Count(decode, $"[Protocols in frame: eth:ethertype:{inner}:data]"));
        Assert.Contains("Echo (ping) reply", decode);
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Run(string program, List<string> arguments)
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

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return stdout.Result;
    }
}

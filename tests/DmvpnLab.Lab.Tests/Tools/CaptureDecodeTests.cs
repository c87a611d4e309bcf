using DmvpnLab.Cli.Verbs;

namespace DmvpnLab.Lab.Tests.Tools;

/// <summary>
/// Runs the lab notes' lab (labs/ccnp-dmvpn, copied to a temporary folder so the repository
/// stays untouched) with captures, then reads every pcap with tshark and the SA keys the run
/// exported: no malformed packet and no expert error anywhere, and the captures together
/// show NHRP registration and resolution, ISAKMP main and quick mode, ESP, GRE and EIGRP,
/// and, once decrypted, GRE and NHRP inside ESP. DESIGN.md: "a capture of the lab opens in
/// Wireshark with no malformed packet, ESP decrypts there with the keys the lab exports".
/// </summary>
public class CaptureDecodeTests : IDisposable
{
    // NHRP ar$op.type (RFC 2332 5.2) and ISAKMP exchange types (RFC 2408 4.1, RFC 2409 5.5).
    private const string ResolutionRequest = "1";
    private const string ResolutionReply = "2";
    private const string RegistrationRequest = "3";
    private const string RegistrationReply = "4";
    private const string IdentityProtection = "2";
    private const string QuickMode = "32";

    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "dmvpnlab-capture-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void CcnpDmvpnLab_CapturesDecodeCleanlyAndHoldEveryProtocol()
    {
        CopyLab(Path.Combine(RepositoryPaths.Root, "labs", "ccnp-dmvpn"), folder);
        var transcript = new StringWriter { NewLine = "\n" };
        RunVerb.Run(folder, seed: null, captures: true, transcript);
        string captures = Path.Combine(folder, "captures");
        var pcaps = Directory.GetFiles(captures, "*.pcap").Order().ToArray();
        Assert.NotEmpty(pcaps);
        Assert.True(File.Exists(Path.Combine(captures, Tshark.EspTable)),
            $"the run exported no {Tshark.EspTable}:\n{transcript}");
        Assert.True(File.Exists(Path.Combine(captures, Tshark.IkeTable)),
            $"the run exported no {Tshark.IkeTable}:\n{transcript}");
        var options = Tshark.KeyOptions(captures);

        var seen = new Seen();
        foreach (string pcap in pcaps)
        {
            string problems = Tshark.Read(pcap, options, "-Y", Tshark.ProblemFilter);
            Assert.True(problems.Length == 0, $"{Path.GetFileName(pcap)}:\n{problems}");

            foreach (var frame in Tshark.Fields(pcap, options, "frame.protocols",
                         "nhrp.hdr.op.type", "isakmp.exchangetype"))
                seen.Add(frame);
        }

        Assert.Equal([], seen.Missing());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private static void CopyLab(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
    }

    /// <summary>What the captures showed, across all links.</summary>
    private sealed class Seen
    {
        private readonly HashSet<string> nhrpTypes = new();
        private readonly HashSet<string> exchangeTypes = new();
        private bool esp;
        private bool gre;
        private bool eigrp;
        private bool greInsideEsp;
        private bool nhrpInsideEsp;

        public void Add(string[] frame)
        {
            // frame.protocols reads like "eth:ethertype:ip:esp:ip:gre:nhrp" once decrypted.
            string protocols = frame[0];
            var layers = protocols.Split(':');
            int espAt = Array.IndexOf(layers, "esp");
            esp |= espAt >= 0;
            gre |= layers.Contains("gre");
            eigrp |= layers.Contains("eigrp");
            greInsideEsp |= espAt >= 0 && Array.IndexOf(layers, "gre", espAt) > espAt;
            nhrpInsideEsp |= espAt >= 0 && Array.IndexOf(layers, "nhrp", espAt) > espAt;
            AddValues(nhrpTypes, frame.ElementAtOrDefault(1));
            AddValues(exchangeTypes, frame.ElementAtOrDefault(2));
        }

        public List<string> Missing()
        {
            var missing = new List<string>();
            Require(missing, nhrpTypes.Contains(RegistrationRequest), "NHRP Registration Request");
            Require(missing, nhrpTypes.Contains(RegistrationReply), "NHRP Registration Reply");
            Require(missing, nhrpTypes.Contains(ResolutionRequest), "NHRP Resolution Request");
            Require(missing, nhrpTypes.Contains(ResolutionReply), "NHRP Resolution Reply");
            Require(missing, exchangeTypes.Contains(IdentityProtection), "ISAKMP Main Mode");
            Require(missing, exchangeTypes.Contains(QuickMode), "ISAKMP Quick Mode");
            Require(missing, esp, "ESP");
            Require(missing, gre, "GRE");
            Require(missing, eigrp, "EIGRP");
            Require(missing, greInsideEsp, "GRE inside ESP (decrypted)");
            Require(missing, nhrpInsideEsp, "NHRP inside ESP (decrypted)");
            return missing;
        }

        private static void AddValues(HashSet<string> set, string? values)
        {
            var split = (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            foreach (string value in split)
                set.Add(value);
        }

        private static void Require(List<string> missing, bool present, string what)
        {
            if (!present)
                missing.Add(what);
        }
    }
}

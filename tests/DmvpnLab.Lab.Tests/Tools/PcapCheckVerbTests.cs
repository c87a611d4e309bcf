using System.Buffers.Binary;
using DmvpnLab.Cli.Verbs;

namespace DmvpnLab.Lab.Tests.Tools;

public class PcapCheckVerbTests
{
    // Captures whose refusals are real faults of the file, each with the reasons expected.
    private static readonly Dictionary<string, string[]> KnownBad = new()
    {
        // A fuzzed NHRP Resolution Request straight over IP 54, in an IPv4 header whose
        // checksum is wrong, cut by the snap length.
        ["pb_nhrp_1.pcap"] = ["IPv4 cannot be decoded: BadChecksum",
            "NHRP cannot be decoded: PacketSizeExceedsBuffer"],

        // Taken on the sending host's loopback: IPv4 header checksums left at 0x0000 for
        // offload that never happened.
        ["ikev2pI2.pcap"] = ["IPv4 cannot be decoded: BadChecksum"],
    };

    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(RepositoryPaths.TcpdumpCaptures)
                     .Where(p => p.EndsWith(".pcap") || p.EndsWith(".pcapng")).Order())
            data.Add(Path.GetFileName(path));

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void RefdataCapture_StrictCheck_CleanUnlessKnownBad(string file)
    {
        var (status, output, errors) = Check(
            [Path.Combine(RepositoryPaths.TcpdumpCaptures, file)], strict: true);

        Assert.Equal("", errors);
        Assert.DoesNotContain("re-emits differently", output);
        if (KnownBad.TryGetValue(file, out var reasons))
        {
            Assert.Equal(1, status);
            foreach (string reason in reasons)
                Assert.Contains(reason, output);
        }
        else
        {
            Assert.Equal(0, status);
            Assert.DoesNotContain("cannot be decoded", output);
        }
    }

    [Fact]
    public void RefdataCaptures_WithoutStrict_AllExitZero()
    {
        var files = Directory.GetFiles(RepositoryPaths.TcpdumpCaptures)
            .Where(p => p.EndsWith(".pcap") || p.EndsWith(".pcapng")).ToArray();

        var (status, output, _) = Check(files, strict: false);

        Assert.Equal(0, status);
        Assert.Contains("NHRP", output);
        Assert.Contains("not supported: ", output);
    }

    [Fact]
    public void NhrpRegistration_TablePerProtocol()
    {
        var (_, output, _) = Check(
            [Path.Combine(RepositoryPaths.TcpdumpCaptures, "NHRP_registration.pcap")], true);

        Assert.Contains("pcap, 4 frames", output);
        Assert.Contains("  NHRP             4          4       0            0", output);
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "zero-length", [], "not a capture file (shorter than a file header)" },
        {
            "truncated header", [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0],
            "not a capture file (shorter than a file header)"
        },
        {
            "bad magic", [.. "not a capture file at all"u8],
            "not a pcap or pcapng file (unknown magic number)"
        },
        {
            "huge record length", HugeRecord(),
            "record 1: record length out of range; stopped there"
        },
        {
            "record cut short", [.. Header(), .. RecordHeader(100), 1, 2, 3],
            "record 1: the file ends inside a record; stopped there"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFile_OneLineErrorNoStackTrace(string name, byte[] bytes, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"dmvpnlab-bad-{Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (status, _, errors) = Check([path], strict: false);

            Assert.Equal(2, status);
            Assert.Single(errors.TrimEnd('\n').Split('\n'));
            Assert.Equal($"dmvpnlab: {path}: {message}\n", errors);
            Assert.DoesNotContain(" at ", errors);
            Assert.DoesNotContain("Exception", errors);
            _ = name;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MissingFile_OneLineError()
    {
        var (status, _, errors) = Check(["/nonexistent/x.pcap"], strict: false);

        Assert.Equal(2, status);
        Assert.StartsWith("dmvpnlab: /nonexistent/x.pcap: cannot read", errors);
        Assert.Single(errors.TrimEnd('\n').Split('\n'));
    }

    private static (int Status, string Output, string Errors) Check(string[] files, bool strict)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        int status = PcapVerb.Check(files, strict, output, errors);
        return (status, output.ToString(), errors.ToString());
    }

    private static byte[] Header()
    {
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        return header;
    }

    private static byte[] RecordHeader(uint length)
    {
        var record = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), length);
        return record;
    }

    private static byte[] HugeRecord() => [.. Header(), .. RecordHeader(0x7FFF_FFF0)];
}

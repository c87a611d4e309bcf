using System.CommandLine;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Dissect;

namespace DmvpnLab.Cli.Verbs;

/// <summary>
/// `dmvpnlab pcap check FILE… [--strict]`: decodes every frame of each capture with the
/// Wire codecs, emits every layer again and compares with the captured bytes. Exit status
/// 0 when all is well, 1 when a frame re-emits differently (or, with --strict, when a
/// supported protocol's codec refused a frame), 2 when a file cannot be read.
/// </summary>
public static class PcapVerb
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "pcap or pcapng files",
            Arity = ArgumentArity.OneOrMore,
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "also fail when a frame of a supported protocol cannot be decoded",
        };
        var check = new Command("check", "decode and re-emit every frame, compare the bytes")
        {
            files, strict,
        };
        check.SetAction(result => Check(result.GetValue(files)!, result.GetValue(strict),
            Console.Out, Console.Error));
        return new Command("pcap", "work with capture files") { check };
    }

    public static int Check(IReadOnlyList<string> files, bool strict, TextWriter output,
        TextWriter errors)
    {
        int status = 0;
        foreach (string file in files)
            status = Math.Max(status, CheckFile(file, strict, output, errors));

        return status;
    }

    private static int CheckFile(string file, bool strict, TextWriter output, TextWriter errors)
    {
        CaptureCheckReport report;
        try
        {
            using var stream = File.OpenRead(file);
            report = CaptureChecker.Check(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"dmvpnlab: {file}: cannot read: {e.Message}");
            return 2;
        }

        if (!report.Opened)
        {
            errors.WriteLine($"dmvpnlab: {file}: {DescribeOpenError(report.FileError)}");
            return 2;
        }

        CaptureReportFormatter.Write(output, file, report);
        if (report.FileError != WireError.None)
        {
            errors.WriteLine($"dmvpnlab: {file}: record {report.Frames + 1}: " +
                             $"{DescribeRecordError(report.FileError)}; stopped there");
            return 2;
        }

        bool failed = report.Differences.Count > 0 || (strict && report.Refusals.Count > 0);
        return failed ? 1 : 0;
    }

    private static string DescribeOpenError(WireError error) => error switch
    {
        WireError.BadMagic => "not a pcap or pcapng file (unknown magic number)",
        WireError.Truncated => "not a capture file (shorter than a file header)",
        WireError.BadVersion => "capture format version not supported",
        WireError.BadLength => "section header length out of range",
        _ => $"cannot read the capture ({error})",
    };

    private static string DescribeRecordError(WireError error) => error switch
    {
        WireError.Truncated => "the file ends inside a record",
        WireError.BadLength => "record length out of range",
        WireError.Malformed => "record names an interface the file does not describe",
        _ => $"corrupt record ({error})",
    };
}

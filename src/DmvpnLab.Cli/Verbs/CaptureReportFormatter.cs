using DmvpnLab.Wire.Dissect;

namespace DmvpnLab.Cli.Verbs;

/// <summary>Prints a <see cref="CaptureCheckReport"/> as a per-protocol table and lists.</summary>
public static class CaptureReportFormatter
{
    public static void Write(TextWriter output, string file, CaptureCheckReport report)
    {
        string format = report.IsPcapng ? "pcapng" : "pcap";
        output.WriteLine($"{file}: {format}, {report.Frames} frames");
        output.WriteLine($"  {"protocol",-10}{"frames",8}{"identical",11}{"differ",8}" +
                         $"{"undecodable",13}");
        foreach (var protocol in Enum.GetValues<DissectProtocol>())
        {
            int frames = report.FramesWith(protocol);
            if (frames == 0)
                continue;

            output.WriteLine($"  {protocol.DisplayName(),-10}{frames,8}" +
                             $"{report.RoundTrips(protocol),11}" +
                             $"{report.DifferenceCount(protocol),8}" +
                             $"{report.RefusalCount(protocol),13}");
        }

        if (report.NotSupported.Count > 0)
        {
            var parts = report.NotSupported.Select(pair => $"{pair.Key} {pair.Value}");
            output.WriteLine($"  not supported: {string.Join(", ", parts)}");
        }

        foreach (var difference in report.Differences)
            output.WriteLine($"  frame {difference.FrameNumber}: " +
                             $"{difference.Protocol.DisplayName()} re-emits differently from " +
                             $"offset {difference.FrameOffset} ({difference.Field})");

        foreach (var refusal in report.Refusals)
        {
            string cut = refusal.CutBySnapLength ? " (frame cut by the snap length)" : "";
            output.WriteLine($"  frame {refusal.FrameNumber}: " +
                             $"{refusal.Protocol.DisplayName()} cannot be decoded: " +
                             $"{refusal.Reason}{cut}");
        }
    }
}

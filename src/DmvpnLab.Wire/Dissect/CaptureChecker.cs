using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// Runs the <see cref="FrameDissector"/> over every record of a pcap or pcapng stream and
/// tallies the results per protocol. A corrupt file ends the report early with
/// <see cref="CaptureCheckReport.FileError"/> set; nothing in the file makes it throw.
/// </summary>
public static class CaptureChecker
{
    private const byte Absent = byte.MaxValue;

    public static CaptureCheckReport Check(Stream capture)
    {
        var report = new CaptureCheckReport();
        if (!PcapReader.TryOpen(capture, out var reader, out var openError))
        {
            report.FileError = openError;
            return report;
        }

        report.Opened = true;
        report.IsPcapng = reader!.IsPcapng;
        var dissector = new FrameDissector();
        Span<byte> worst = stackalloc byte[DissectProtocols.Count];
        while (reader.TryReadNext(out var record))
        {
            report.Frames++;
            var check = dissector.Check(record!.LinkType, record.Data);
            Tally(report, check, record, worst);
        }

        report.FileError = reader.Error;
        return report;
    }

    // Per protocol, a frame counts once, by the worst outcome among its layers of it.
    private static void Tally(CaptureCheckReport report, FrameCheck check, PcapRecord record,
        Span<byte> worst)
    {
        worst.Fill(Absent);
        bool differenceListed = false;
        foreach (var layer in check.Layers)
        {
            int index = (int)layer.Protocol;
            if (worst[index] == Absent || (byte)layer.Outcome > worst[index])
            {
                worst[index] = (byte)layer.Outcome;
            }

            if (layer.Outcome == LayerOutcome.Differs && !differenceListed)
            {
                var bytes = record.Data.AsSpan(layer.Offset);
                string field = FieldNames.At(layer.Protocol, bytes, layer.DifferenceOffset);
                report.Differences.Add(new FrameDifference(report.Frames, layer.Protocol,
                    layer.FrameDifferenceOffset, field));
                differenceListed = true;
            }

            if (layer.Outcome == LayerOutcome.Undecodable)
            {
                report.Refusals.Add(new FrameRefusal(report.Frames, layer.Protocol,
                    layer.Reason, record.IsTruncated));
            }
        }

        for (int i = 0; i < worst.Length; i++)
        {
            if (worst[i] != Absent)
            {
                report.Count((DissectProtocol)i, (LayerOutcome)worst[i]);
            }
        }

        if (check.NotSupported is { } name)
        {
            report.NotSupported[name] = report.NotSupported.GetValueOrDefault(name) + 1;
        }
    }
}

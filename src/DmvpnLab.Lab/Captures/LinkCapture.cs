using DmvpnLab.Sim;
using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Lab.Captures;

/// <summary>
/// Writes every frame a link carries to a pcap file, stamped with the virtual clock
/// offset from the lab's capture epoch, so Wireshark shows the lab's own timeline.
/// </summary>
public sealed class LinkCapture : IFrameTap, IDisposable
{
    private readonly PcapWriter writer;
    private readonly long epochNanoseconds;

    public LinkCapture(string path, DateTimeOffset epoch)
    {
        Path = path;
        epochNanoseconds = (epoch - DateTimeOffset.UnixEpoch).Ticks * 100;
        writer = new PcapWriter(
            new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read),
            nanosecondResolution: true);
    }

    public string Path { get; }

    public long FrameCount => writer.RecordCount;

    public void OnFrame(long timeNanoseconds, ReadOnlySpan<byte> frame) =>
        writer.Write(epochNanoseconds + timeNanoseconds, frame);

    public void Flush() => writer.Flush();

    public void Dispose() => writer.Dispose();
}

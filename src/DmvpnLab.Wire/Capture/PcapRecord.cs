namespace DmvpnLab.Wire.Capture;

/// <summary>One packet read from a capture file.</summary>
/// <param name="TimestampNanoseconds">Time since the Unix epoch, in nanoseconds.</param>
/// <param name="LinkType">What the first byte of <paramref name="Data"/> is.</param>
/// <param name="Data">The captured bytes (possibly fewer than were on the wire).</param>
/// <param name="OriginalLength">How many bytes the packet had on the wire.</param>
/// <param name="InterfaceId">The pcapng interface index; 0 for classic pcap.</param>
public sealed record PcapRecord(
    long TimestampNanoseconds,
    LinkType LinkType,
    byte[] Data,
    int OriginalLength,
    int InterfaceId = 0)
{
    /// <summary>True when the capture cut the packet short (snap length).</summary>
    public bool IsTruncated => Data.Length < OriginalLength;
}

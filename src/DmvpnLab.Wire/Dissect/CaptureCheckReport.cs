namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// The outcome of decoding and re-emitting every frame of one capture: per protocol, how
/// many frames round-tripped, differed or were refused; the differing and refused frames;
/// and how many frames stopped at each protocol without a codec.
/// </summary>
public sealed class CaptureCheckReport
{
    private readonly int[] roundTrips = new int[DissectProtocols.Count];
    private readonly int[] differences = new int[DissectProtocols.Count];
    private readonly int[] refusals = new int[DissectProtocols.Count];

    /// <summary>True once the file header was read: a later error is in a record.</summary>
    public bool Opened { get; internal set; }

    /// <summary>True for pcapng, false for classic pcap.</summary>
    public bool IsPcapng { get; internal set; }

    /// <summary>Frames read.</summary>
    public long Frames { get; internal set; }

    /// <summary>
    /// Why the file could not be read to its end (bad magic, a truncated or oversized
    /// record); <see cref="WireError.None"/> when it was read whole.
    /// </summary>
    public WireError FileError { get; internal set; }

    /// <summary>The frames that differ, in file order.</summary>
    public List<FrameDifference> Differences { get; } = new();

    /// <summary>The frames refused by a codec, in file order.</summary>
    public List<FrameRefusal> Refusals { get; } = new();

    /// <summary>Frames per protocol name that the dissector has no codec for.</summary>
    public SortedDictionary<string, int> NotSupported { get; } = new(StringComparer.Ordinal);

    /// <summary>Frames in which <paramref name="protocol"/> round-tripped (every layer of it).
    /// </summary>
    public int RoundTrips(DissectProtocol protocol) => roundTrips[(int)protocol];

    /// <summary>Frames in which a layer of <paramref name="protocol"/> differs.</summary>
    public int DifferenceCount(DissectProtocol protocol) => differences[(int)protocol];

    /// <summary>Frames in which a layer of <paramref name="protocol"/> was refused.</summary>
    public int RefusalCount(DissectProtocol protocol) => refusals[(int)protocol];

    /// <summary>Frames in which <paramref name="protocol"/> appears at all.</summary>
    public int FramesWith(DissectProtocol protocol) =>
        RoundTrips(protocol) + DifferenceCount(protocol) + RefusalCount(protocol);

    internal void Count(DissectProtocol protocol, LayerOutcome outcome)
    {
        var counters = outcome switch
        {
            LayerOutcome.RoundTrip => roundTrips,
            LayerOutcome.Differs => differences,
            _ => refusals,
        };
        counters[(int)protocol]++;
    }
}

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// What the dissector found in one frame: a result per decoded layer, outermost first, and
/// the name of the first layer it does not decode (if it got that far). One instance is
/// reused for every frame, so checking a capture allocates no result objects.
/// </summary>
public sealed class FrameCheck
{
    /// <summary>Deepest nesting checked; GRE inside GRE beyond this is not followed.</summary>
    public const int MaximumDepth = 16;

    private readonly LayerCheck[] layers = new LayerCheck[MaximumDepth];

    /// <summary>How many layers were checked.</summary>
    public int LayerCount { get; private set; }

    /// <summary>The checked layers, outermost first.</summary>
    public ReadOnlySpan<LayerCheck> Layers => layers.AsSpan(0, LayerCount);

    /// <summary>
    /// The name of the first layer the dissector has no codec for ("IPv6", "TCP", "CDP"),
    /// or null when every layer was decoded or one was refused.
    /// </summary>
    public string? NotSupported { get; private set; }

    /// <summary>True when any layer decoded but emitted different bytes.</summary>
    public bool HasDifference
    {
        get
        {
            foreach (var layer in Layers)
            {
                if (layer.Outcome == LayerOutcome.Differs)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The first refused layer, or null. After an IPv4 header whose only fault is its
    /// checksum the walk goes on, so a frame can hold more than one refusal.
    /// </summary>
    public LayerCheck? Refused
    {
        get
        {
            foreach (var layer in Layers)
            {
                if (layer.Outcome == LayerOutcome.Undecodable)
                {
                    return layer;
                }
            }

            return null;
        }
    }

    /// <summary>True when an IPv4 header, a GRE header and one more layer still fit.</summary>
    internal bool HasRoom => LayerCount <= MaximumDepth - 3;

    internal void Reset()
    {
        LayerCount = 0;
        NotSupported = null;
    }

    internal void Add(in LayerCheck layer) => layers[LayerCount++] = layer;

    internal void StopAtUnsupported(string name) => NotSupported = name;
}

using DmvpnLab.Wire.Capture;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// Decodes every layer of a captured frame that this assembly has a codec for, emits each
/// one again and compares the bytes. Reuse one instance for a whole capture: it keeps its
/// scratch buffer and its <see cref="FrameCheck"/>, which each call overwrites. Never throws
/// on frame contents.
/// </summary>
public sealed class FrameDissector
{
    private readonly DissectState state = new();

    /// <summary>
    /// Checks one frame whose first byte is a <paramref name="linkType"/> header. The result
    /// is valid until the next call.
    /// </summary>
    public FrameCheck Check(LinkType linkType, ReadOnlySpan<byte> frame)
    {
        state.Check.Reset();
        LinkLayerWalk.Check(state, linkType, frame);
        return state.Check;
    }
}

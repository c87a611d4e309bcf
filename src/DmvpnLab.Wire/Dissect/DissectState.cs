namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// What the layer walks share while checking one frame: the result being filled in and a
/// scratch buffer to emit into, grown only when a frame is larger than any before it.
/// </summary>
internal sealed class DissectState
{
    private byte[] scratch = new byte[2048];

    public FrameCheck Check { get; } = new();

    /// <summary>A zeroed span of <paramref name="length"/> bytes to emit a layer into.</summary>
    public Span<byte> Scratch(int length)
    {
        if (length > scratch.Length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }

        var span = scratch.AsSpan(0, length);
        span.Clear();
        return span;
    }
}

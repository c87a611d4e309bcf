using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Dissect;

/// <summary>
/// The result for one layer of one frame.
/// </summary>
/// <param name="Protocol">The layer's protocol.</param>
/// <param name="Offset">Where the layer starts in the frame.</param>
/// <param name="Outcome">Round trip, difference or refusal.</param>
/// <param name="DifferenceOffset">
/// For <see cref="LayerOutcome.Differs"/>, the first differing byte's offset in the layer;
/// otherwise -1.
/// </param>
/// <param name="Error">For <see cref="LayerOutcome.Undecodable"/>, the codec's error.</param>
/// <param name="NhrpReason">For an undecodable NHRP packet, the fine reason.</param>
public readonly record struct LayerCheck(
    DissectProtocol Protocol,
    int Offset,
    LayerOutcome Outcome,
    int DifferenceOffset = -1,
    WireError Error = WireError.None,
    NhrpDropReason NhrpReason = NhrpDropReason.None)
{
    /// <summary>The first differing byte's offset in the whole frame, or -1.</summary>
    public int FrameDifferenceOffset => DifferenceOffset < 0 ? -1 : Offset + DifferenceOffset;

    /// <summary>Why the layer could not be decoded: the NHRP reason when there is one.</summary>
    public string Reason => NhrpReason != NhrpDropReason.None
        ? NhrpReason.ToString()
        : Error.ToString();
}

namespace DmvpnLab.Wire.Dissect;

/// <summary>A frame whose layer decoded but did not emit the captured bytes.</summary>
/// <param name="FrameNumber">Counted from 1, as Wireshark numbers frames.</param>
/// <param name="Protocol">The layer that differs first.</param>
/// <param name="FrameOffset">The first differing byte, counted from the frame's start.</param>
/// <param name="Field">The field at that byte, in the protocol's words.</param>
public sealed record FrameDifference(
    long FrameNumber, DissectProtocol Protocol, int FrameOffset, string Field);

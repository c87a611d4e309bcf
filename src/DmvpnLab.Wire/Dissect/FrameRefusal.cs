namespace DmvpnLab.Wire.Dissect;

/// <summary>A frame with a layer of a supported protocol that its codec refused.</summary>
/// <param name="FrameNumber">Counted from 1, as Wireshark numbers frames.</param>
/// <param name="Protocol">The refused layer.</param>
/// <param name="Reason">The codec's <c>WireError</c>, or the <c>NhrpDropReason</c>.</param>
/// <param name="CutBySnapLength">True when the capture holds fewer bytes than were sent.</param>
public sealed record FrameRefusal(
    long FrameNumber, DissectProtocol Protocol, string Reason, bool CutBySnapLength);

namespace DmvpnLab.Sim;

/// <summary>An interface that a link delivers frames to.</summary>
public interface ILinkEndpoint
{
    /// <summary>The frame is only borrowed for the call: copy what must outlive it.</summary>
    void ReceiveFrame(ReadOnlySpan<byte> frame);

    /// <summary>Called when the link goes up or down (cable pulled, `link down`).</summary>
    void OnLinkStateChanged(bool up);
}

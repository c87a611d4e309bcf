namespace DmvpnLab.Sim;

/// <summary>Sees every frame a link carries, when it is sent (a pcap writer).</summary>
public interface IFrameTap
{
    void OnFrame(long timeNanoseconds, ReadOnlySpan<byte> frame);
}

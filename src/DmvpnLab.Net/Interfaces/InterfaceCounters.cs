namespace DmvpnLab.Net.Interfaces;

/// <summary>The packet and byte counters `show interfaces` prints.</summary>
public sealed class InterfaceCounters
{
    public long InputPackets;
    public long InputBytes;
    public long OutputPackets;
    public long OutputBytes;
    public long InputDrops;
    public long OutputDrops;
    public long InputErrors;

    public void CountInput(int bytes)
    {
        InputPackets++;
        InputBytes += bytes;
    }

    public void CountOutput(int bytes)
    {
        OutputPackets++;
        OutputBytes += bytes;
    }

    public void Clear()
    {
        InputPackets = InputBytes = OutputPackets = OutputBytes = 0;
        InputDrops = OutputDrops = InputErrors = 0;
    }
}

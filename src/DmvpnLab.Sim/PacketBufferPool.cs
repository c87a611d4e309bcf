namespace DmvpnLab.Sim;

/// <summary>A per-lab free list of frame buffers; single-threaded like the scheduler.</summary>
public sealed class PacketBufferPool
{
    private readonly Stack<PacketBuffer> free = new();

    public int Allocated { get; private set; }

    public PacketBuffer Rent()
    {
        if (free.TryPop(out var buffer))
            return buffer;

        Allocated++;
        return new PacketBuffer();
    }

    public void Return(PacketBuffer buffer)
    {
        buffer.Length = 0;
        free.Push(buffer);
    }
}

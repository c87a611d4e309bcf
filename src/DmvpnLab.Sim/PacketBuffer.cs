namespace DmvpnLab.Sim;

/// <summary>
/// A pooled frame buffer. Links copy each transmitted frame into one of these, hold it
/// while it is in flight and return it to the pool once the receiver has seen it.
/// </summary>
public sealed class PacketBuffer
{
    public const int Capacity = 9216 + 256;

    public byte[] Bytes { get; } = new byte[Capacity];

    public int Length { get; set; }

    public ReadOnlySpan<byte> Frame => Bytes.AsSpan(0, Length);
}

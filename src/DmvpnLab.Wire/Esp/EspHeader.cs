using System.Buffers.Binary;

namespace DmvpnLab.Wire.Esp;

/// <summary>Writers for the cleartext ESP header (layout in <see cref="EspHeaderView"/>).</summary>
public static class EspHeader
{
    /// <summary>Writes SPI and sequence number; returns 8.</summary>
    public static int Write(Span<byte> packet, uint spi, uint sequenceNumber)
    {
        _ = packet[EspHeaderView.HeaderLength - 1];
        BinaryPrimitives.WriteUInt32BigEndian(packet, spi);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], sequenceNumber);
        return EspHeaderView.HeaderLength;
    }
}

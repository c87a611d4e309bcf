using System.Buffers.Binary;

namespace DmvpnLab.Wire.Esp;

// ESP, RFC 4303 section 2. Only the SPI and sequence number are in the clear; the rest is
// the transform's business (IV, ciphertext of payload + padding + pad length + next header,
// then the ICV). The crypto lives in the IPsec layer.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---------------------------------------------------------------+
//   |               Security Parameters Index (SPI)                 |
//   +---------------------------------------------------------------+
//   |                      Sequence Number                          |
//   +---------------------------------------------------------------+
//   |   IV (per transform), then the encrypted payload ...          |
//   ~                                                               ~
//   |                          ... ICV (per transform)              |
//   +---------------------------------------------------------------+

/// <summary>A checked view of the cleartext part of an ESP packet.</summary>
public readonly ref struct EspHeaderView
{
    /// <summary>Bytes of SPI and sequence number.</summary>
    public const int HeaderLength = 8;

    private readonly ReadOnlySpan<byte> bytes;

    private EspHeaderView(ReadOnlySpan<byte> bytes) => this.bytes = bytes;

    /// <summary>
    /// Checks the 8 header bytes are there and the SPI is not 0, which RFC 4303 section 2.1
    /// reserves for local use and forbids on the wire.
    /// </summary>
    public static bool TryCreate(
        ReadOnlySpan<byte> packet, out EspHeaderView view, out WireError error)
    {
        view = default;
        if (packet.Length < HeaderLength)
        {
            error = WireError.Truncated;
            return false;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(packet) == 0)
        {
            error = WireError.Malformed;
            return false;
        }

        view = new EspHeaderView(packet);
        error = WireError.None;
        return true;
    }

    /// <summary>The whole ESP packet.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>The SPI that selects the inbound SA.</summary>
    public uint Spi => BinaryPrimitives.ReadUInt32BigEndian(bytes);

    /// <summary>The low 32 bits of the sequence number.</summary>
    public uint SequenceNumber => BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);

    /// <summary>IV, ciphertext and ICV, for the transform to take apart.</summary>
    public ReadOnlySpan<byte> Protected => bytes[HeaderLength..];
}

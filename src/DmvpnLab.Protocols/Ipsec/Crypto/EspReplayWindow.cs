namespace DmvpnLab.Protocols.Ipsec.Crypto;

/// <summary>
/// The receiver's anti-replay window of RFC 4303 3.4.3 with 32-bit sequence numbers (no
/// ESN): 64 packets, a bitmap whose bit 0 is the highest sequence number seen. A packet
/// is checked before the ICV and recorded only after the ICV verified.
/// </summary>
public sealed class EspReplayWindow
{
    /// <summary>The window size; RFC 4303 3.4.3 says 32 minimum, 64 recommended.</summary>
    public const int Size = 64;

    private ulong _bitmap;

    /// <summary>The highest sequence number recorded, 0 before the first packet.</summary>
    public uint Highest { get; private set; }

    /// <summary>
    /// False for 0 (never sent, RFC 4303 3.3.3), a number already recorded, or one
    /// older than the window.
    /// </summary>
    public bool IsAcceptable(uint sequenceNumber)
    {
        if (sequenceNumber == 0)
        {
            return false;
        }

        if (sequenceNumber > Highest)
        {
            return true;
        }

        uint age = Highest - sequenceNumber;
        return age < Size && (_bitmap & (1UL << (int)age)) == 0;
    }

    /// <summary>Records an acceptable, authenticated sequence number.</summary>
    public void Record(uint sequenceNumber)
    {
        if (sequenceNumber > Highest)
        {
            uint shift = sequenceNumber - Highest;
            _bitmap = shift >= Size ? 1UL : (_bitmap << (int)shift) | 1UL;
            Highest = sequenceNumber;
            return;
        }

        _bitmap |= 1UL << (int)(Highest - sequenceNumber);
    }
}

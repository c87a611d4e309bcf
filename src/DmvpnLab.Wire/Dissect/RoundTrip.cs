namespace DmvpnLab.Wire.Dissect;

/// <summary>Compares what a codec emitted with what was captured, and records the result.</summary>
internal static class RoundTrip
{
    /// <summary>
    /// Records <paramref name="protocol"/> at <paramref name="offset"/> as a round trip when
    /// <paramref name="emitted"/> equals <paramref name="captured"/>, else as a difference at
    /// the first byte that differs (or where the shorter one ends).
    /// </summary>
    public static bool Record(FrameCheck check, DissectProtocol protocol, int offset,
        ReadOnlySpan<byte> captured, ReadOnlySpan<byte> emitted)
    {
        int common = captured.CommonPrefixLength(emitted);
        if (common == captured.Length && common == emitted.Length)
        {
            check.Add(new LayerCheck(protocol, offset, LayerOutcome.RoundTrip));
            return true;
        }

        check.Add(new LayerCheck(protocol, offset, LayerOutcome.Differs, common));
        return false;
    }

    /// <summary>Records a layer the codec refused.</summary>
    public static void Refuse(FrameCheck check, DissectProtocol protocol, int offset,
        WireError error, Nhrp.NhrpDropReason nhrpReason = Nhrp.NhrpDropReason.None) =>
        check.Add(new LayerCheck(protocol, offset, LayerOutcome.Undecodable,
            Error: error, NhrpReason: nhrpReason));
}

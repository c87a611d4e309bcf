namespace DmvpnLab.Protocols.Nhrp;

/// <summary>Counters of dropped NHRP packets, per codec reason and per protocol reason.</summary>
public sealed class NhrpDropCounters
{
    private readonly long[] codec = new long[Enum.GetValues<Wire.Nhrp.NhrpDropReason>().Length];
    private readonly long[] protocol = new long[Enum.GetValues<NhrpProtocolDropReason>().Length];

    public void Count(Wire.Nhrp.NhrpDropReason reason) => codec[(int)reason]++;

    public void Count(NhrpProtocolDropReason reason) => protocol[(int)reason]++;

    public long this[Wire.Nhrp.NhrpDropReason reason] => codec[(int)reason];

    public long this[NhrpProtocolDropReason reason] => protocol[(int)reason];

    public long Total
    {
        get
        {
            long sum = 0;
            foreach (long count in codec)
                sum += count;
            foreach (long count in protocol)
                sum += count;
            return sum;
        }
    }
}

namespace DmvpnLab.Net;

/// <summary>A counter per <see cref="DropReason"/>, for `show` commands and tests.</summary>
public sealed class DropCounters
{
    private readonly long[] counts = new long[Enum.GetValues<DropReason>().Length];

    public void Count(DropReason reason) => counts[(int)reason]++;

    public long this[DropReason reason] => counts[(int)reason];

    public long Total
    {
        get
        {
            long sum = 0;
            foreach (long count in counts)
                sum += count;
            return sum;
        }
    }
}

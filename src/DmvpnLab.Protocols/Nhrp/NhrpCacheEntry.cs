using DmvpnLab.Net.Routing;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// One NHRP cache entry (RFC 2332 4.1's "next hop" binding): a protocol prefix, the tunnel
/// address it is reached via, and the NBMA address of that tunnel endpoint.
/// </summary>
public sealed class NhrpCacheEntry
{
    /// <summary>Expiry of entries that never expire.</summary>
    public const long Never = long.MaxValue;

    public NhrpCacheEntry(Prefix prefix, NhrpCacheEntryType type, long createdAtNanoseconds)
    {
        Prefix = prefix;
        Type = type;
        CreatedAtNanoseconds = createdAtNanoseconds;
    }

    public Prefix Prefix { get; }

    public NhrpCacheEntryType Type { get; set; }

    public NhrpCacheFlags Flags { get; set; }

    /// <summary>The tunnel address the prefix is reached via; none while incomplete.</summary>
    public Ipv4Address? NextHop { get; set; }

    /// <summary>The NBMA address of <see cref="NextHop"/>; none while incomplete.</summary>
    public Ipv4Address? Nbma { get; set; }

    /// <summary>The NBMA address the peer claimed, when not the one seen (NAT).</summary>
    public Ipv4Address? ClaimedNbma { get; set; }

    public long CreatedAtNanoseconds { get; set; }

    public long ExpiresAtNanoseconds { get; set; } = Never;

    /// <summary>Packets that hit the entry while it was incomplete ("Cache hits:").</summary>
    public long CacheHits { get; set; }

    /// <summary>Local entries: who asked, for `show ip nhrp detail`.</summary>
    public Ipv4Address? Requester { get; set; }

    public uint RequestId { get; set; }

    /// <summary>A refresh resolution was sent for this entry and is not answered yet.</summary>
    public bool RefreshPending { get; set; }

    public bool IsComplete => Type != NhrpCacheEntryType.Incomplete && Nbma is not null;

    public bool Has(NhrpCacheFlags flag) => (Flags & flag) != 0;

    public bool IsExpired(long nowNanoseconds) => nowNanoseconds >= ExpiresAtNanoseconds;

    public TimeSpan ExpiresIn(long nowNanoseconds) =>
        TimeSpan.FromTicks(Math.Max(0, ExpiresAtNanoseconds - nowNanoseconds) / 100);
}

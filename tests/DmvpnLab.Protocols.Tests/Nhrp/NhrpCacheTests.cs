using DmvpnLab.Net.Routing;
using DmvpnLab.Protocols.Nhrp;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Tests.Nhrp;

public class NhrpCacheTests
{
    private static NhrpCacheEntry Entry(string prefix, int length,
        long expires = NhrpCacheEntry.Never) =>
        new(new Prefix(Ipv4Address.Parse(prefix), length), NhrpCacheEntryType.Dynamic, 0)
        {
            ExpiresAtNanoseconds = expires,
        };

    [Fact]
    public void HostEntry_TryGetHost_FoundByAddress()
    {
        var cache = new NhrpCache();
        var entry = Entry("172.16.1.2", 32);
        cache.Set(entry);

        Assert.True(cache.TryGetHost(Ipv4Address.Parse("172.16.1.2"), out var found));
        Assert.Same(entry, found);
        Assert.False(cache.TryGetHost(Ipv4Address.Parse("172.16.1.3"), out _));
    }

    [Fact]
    public void NetworkAndHost_LongestMatch_HostWinsThenWidestNetworkCovers()
    {
        var cache = new NhrpCache();
        cache.Set(Entry("192.168.0.0", 16));
        var narrow = Entry("192.168.161.0", 24);
        cache.Set(narrow);
        var host = Entry("192.168.161.10", 32);
        cache.Set(host);

        Assert.Same(host, cache.LongestMatch(Ipv4Address.Parse("192.168.161.10")));
        Assert.Same(narrow, cache.LongestMatch(Ipv4Address.Parse("192.168.161.11")));
        Assert.Null(cache.LongestMatch(Ipv4Address.Parse("10.0.0.1")));
    }

    [Fact]
    public void ExpiredEntries_RemoveExpired_OnlyThoseGo()
    {
        var cache = new NhrpCache();
        cache.Set(Entry("172.16.1.2", 32, expires: 100));
        cache.Set(Entry("172.16.1.3", 32, expires: 300));
        cache.Set(Entry("10.0.0.0", 8, expires: 50));

        var removed = cache.RemoveExpired(200);

        Assert.Equal(2, removed.Count);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGetHost(Ipv4Address.Parse("172.16.1.3"), out _));
    }

    [Fact]
    public void ReplacedEntry_RemoveOld_LeavesTheNewOne()
    {
        var cache = new NhrpCache();
        var old = Entry("172.16.1.2", 32);
        cache.Set(old);
        var replacement = Entry("172.16.1.2", 32);
        cache.Set(replacement);

        Assert.False(cache.Remove(old));
        Assert.Same(replacement, cache.Find(replacement.Prefix));
    }

    [Fact]
    public void Entries_Ordered_ByAddressThenLength()
    {
        var cache = new NhrpCache();
        cache.Set(Entry("192.168.161.0", 24));
        cache.Set(Entry("172.16.1.3", 32));
        cache.Set(Entry("172.16.1.1", 32));

        Assert.Equal(new[] { "172.16.1.1/32", "172.16.1.3/32", "192.168.161.0/24" },
            cache.Ordered().Select(e => e.Prefix.ToString()));
    }

    [Theory]
    [InlineData(NhrpCacheFlags.Registered | NhrpCacheFlags.Nhop, "registered nhop")]
    [InlineData(NhrpCacheFlags.Unique | NhrpCacheFlags.Registered | NhrpCacheFlags.Used
        | NhrpCacheFlags.Nhop, "unique registered used nhop")]
    [InlineData(NhrpCacheFlags.Router | NhrpCacheFlags.Nhop | NhrpCacheFlags.Rib,
        "router nhop rib")]
    [InlineData(NhrpCacheFlags.Router | NhrpCacheFlags.Unique | NhrpCacheFlags.Local,
        "router unique local")]
    [InlineData(NhrpCacheFlags.None, "")]
    public void Flags_Words_InIosOrder(NhrpCacheFlags flags, string words) =>
        Assert.Equal(words, NhrpCacheFlagsText.Words(flags));
}

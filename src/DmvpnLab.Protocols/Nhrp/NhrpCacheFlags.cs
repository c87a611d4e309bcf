namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// The flags `show ip nhrp` prints after "Flags:", in IOS's order. The lab notes define
/// most of them: router (the entry is for a remote router), unique (set by a unique
/// registration), registered (created by a Registration Request), used, local (a network
/// we answered for), implicit (learned from a packet we did not ask for), negative (a
/// resolution is pending). nhop and rib are IOS 15's marks for an entry that is a next
/// hop and for one that has installed an NHRP route.
/// </summary>
[Flags]
public enum NhrpCacheFlags
{
    None = 0,
    Router = 1 << 0,
    Rib = 1 << 1,
    Nho = 1 << 2,
    Nhop = 1 << 3,
    Used = 1 << 4,
    Unique = 1 << 5,
    Registered = 1 << 6,
    Local = 1 << 7,
    Implicit = 1 << 8,
    Negative = 1 << 9,
    Temporary = 1 << 10,
}

/// <summary>Turns flags into the words of `show ip nhrp`.</summary>
public static class NhrpCacheFlagsText
{
    // IOS prints the words in this order (e.g. "router nhop rib", "unique registered
    // used nhop", "router unique local").
    private static readonly (NhrpCacheFlags Flag, string Word)[] Order =
    [
        (NhrpCacheFlags.Router, "router"),
        (NhrpCacheFlags.Implicit, "implicit"),
        (NhrpCacheFlags.Unique, "unique"),
        (NhrpCacheFlags.Registered, "registered"),
        (NhrpCacheFlags.Used, "used"),
        (NhrpCacheFlags.Local, "local"),
        (NhrpCacheFlags.Temporary, "temporary"),
        (NhrpCacheFlags.Negative, "negative"),
        (NhrpCacheFlags.Nhop, "nhop"),
        (NhrpCacheFlags.Rib, "rib"),
        (NhrpCacheFlags.Nho, "nho"),
    ];

    public static string Words(NhrpCacheFlags flags)
    {
        var words = new List<string>();
        foreach (var (flag, word) in Order)
        {
            if ((flags & flag) != 0)
                words.Add(word);
        }

        return string.Join(' ', words);
    }
}

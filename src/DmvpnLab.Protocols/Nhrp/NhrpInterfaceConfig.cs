using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>The `ip nhrp …` interface configuration of one tunnel.</summary>
public sealed class NhrpInterfaceConfig
{
    /// <summary>IOS's default `ip nhrp holdtime`, seconds (7200 in every Cisco capture).</summary>
    public const int DefaultHoldTimeSeconds = 7200;

    /// <summary>IOS's default `ip nhrp redirect timeout`, seconds.</summary>
    public const int DefaultRedirectTimeoutSeconds = 8;

    /// <summary>`ip nhrp network-id`; NHRP is off on the interface without it.</summary>
    public uint? NetworkId { get; set; }

    /// <summary>`ip nhrp authentication`, at most 8 bytes (IOS sends it in clear).</summary>
    public byte[]? Authentication { get; set; }

    public int HoldTimeSeconds { get; set; } = DefaultHoldTimeSeconds;

    /// <summary>`ip nhrp registration no-unique` clears the U flag of registrations.</summary>
    public bool RegistrationUnique { get; set; } = true;

    /// <summary>`ip nhrp registration timeout`; null means a third of the hold time.</summary>
    public int? RegistrationTimeoutSeconds { get; set; }

    public bool MulticastDynamic { get; set; }

    /// <summary>`ip nhrp map multicast A.B.C.D` NBMA addresses.</summary>
    public List<Ipv4Address> MulticastStatic { get; } = new();

    /// <summary>`ip nhrp redirect`: send traffic indications for hairpinned packets.</summary>
    public bool Redirect { get; set; }

    public int RedirectTimeoutSeconds { get; set; } = DefaultRedirectTimeoutSeconds;

    /// <summary>`ip nhrp shortcut`: act on traffic indications and install NHRP routes.</summary>
    public bool Shortcut { get; set; }

    /// <summary>
    /// RFC 2332 5.2.3: registrations are refreshed before the hold time runs out; IOS sends
    /// them every third of it unless `ip nhrp registration timeout` says otherwise.
    /// </summary>
    public TimeSpan RegistrationInterval =>
        TimeSpan.FromSeconds(RegistrationTimeoutSeconds ?? Math.Max(1, HoldTimeSeconds / 3));
}

using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike.Config;
using DmvpnLab.Protocols.Ike.Crypto;
using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Protocols.Ike;

/// <summary>
/// One ISAKMP (phase 1) SA with a peer, from Main Mode message 1 to its deletion: the
/// cookies, the chosen policy, the Diffie-Hellman and nonce material of RFC 2409 5, the
/// keys and the CBC chain, and what Main Mode needs to retransmit (RFC 2408 5.x says a
/// lost message is re-sent; IOS re-sends every 10 seconds, five times).
/// </summary>
public sealed class IsakmpSa
{
    public IsakmpSa(Ipv4Address local, Ipv4Address peer, bool isInitiator, ulong ownCookie,
        long createdAtNanoseconds)
    {
        Local = local;
        Peer = peer;
        IsInitiator = isInitiator;
        if (isInitiator)
        {
            InitiatorCookie = ownCookie;
        }
        else
        {
            ResponderCookie = ownCookie;
        }

        CreatedAtNanoseconds = createdAtNanoseconds;
    }

    public Ipv4Address Local { get; }

    public Ipv4Address Peer { get; }

    public bool IsInitiator { get; }

    public ulong InitiatorCookie { get; set; }

    public ulong ResponderCookie { get; set; }

    /// <summary>IOS's conn-id: 0 until the keys exist, then 1001 upward per router.</summary>
    public int ConnId { get; set; }

    public IsakmpSaState State { get; set; }

    public long CreatedAtNanoseconds { get; }

    /// <summary>When phase 1 completed (QM_IDLE), for the lifetime countdown.</summary>
    public long? CompletedAtNanoseconds { get; set; }

    /// <summary>Marked for deletion: still listed, "ACTIVE (deleted)", until purged.</summary>
    public bool IsDeleted { get; set; }

    /// <summary>The policy both ends agreed on (null before message 2).</summary>
    public IsakmpPolicy? Policy { get; set; }

    /// <summary>The lifetime in force: the policy's, or the peer's when shorter.</summary>
    public int LifetimeSeconds { get; set; } = IsakmpPolicy.DefaultLifetimeSeconds;

    public byte[] PreSharedKey { get; set; } = [];

    /// <summary>Both ends sent the RFC 3947 vendor ID: messages 3 and 4 carry NAT-D.</summary>
    public bool NatTraversal { get; set; }

    /// <summary>IOS logs a bad message once per SA, not per retransmission.</summary>
    public bool BadMessageLogged { get; set; }

    /// <summary>SAi_b: the body of the initiator's SA payload, for HASH_I/HASH_R.</summary>
    public byte[] InitiatorSaBody { get; set; } = [];

    public DiffieHellmanKeyPair? KeyPair { get; set; }

    public byte[] InitiatorPublicValue { get; set; } = [];

    public byte[] ResponderPublicValue { get; set; } = [];

    public byte[] InitiatorNonce { get; set; } = [];

    public byte[] ResponderNonce { get; set; } = [];

    public Ikev1KeyMaterial? Keys { get; set; }

    public IsakmpCipher? Cipher { get; set; }

    /// <summary>The last datagram sent in Main Mode, re-sent on timeout.</summary>
    public byte[]? LastSent { get; set; }

    /// <summary>The last datagram accepted, so a retransmission is recognised.</summary>
    public byte[]? LastReceived { get; set; }

    public int RetransmitCount { get; set; }

    public SimTimer? RetransmitTimer { get; set; }

    public SimTimer? LifetimeTimer { get; set; }

    /// <summary>Tunnels waiting for phase 2 once this SA reaches QM_IDLE.</summary>
    public List<TunnelInterface> PendingTunnels { get; } = [];

    /// <summary>Quick Mode and Informational exchanges in progress, by message ID.</summary>
    public Dictionary<uint, QuickModeExchange> QuickModes { get; } = [];

    public bool IsNegotiating => !IsDeleted && State != IsakmpSaState.Complete;

    public bool IsUsable => !IsDeleted && State == IsakmpSaState.Complete;

    public byte[] InitiatorCookieBytes => CookieBytes(InitiatorCookie);

    public byte[] ResponderCookieBytes => CookieBytes(ResponderCookie);

    /// <summary>"(I)" or "(R)" as IOS's debug marks the role.</summary>
    public string RoleMark => IsInitiator ? "(I)" : "(R)";

    /// <summary>Seconds of lifetime left, for show commands.</summary>
    public TimeSpan RemainingLifetime(long nowNanoseconds)
    {
        if (CompletedAtNanoseconds is not { } completed)
        {
            return TimeSpan.Zero;
        }

        long left = completed + LifetimeSeconds * 1_000_000_000L - nowNanoseconds;
        return TimeSpan.FromTicks(Math.Max(0, left) / 100);
    }

    internal static byte[] CookieBytes(ulong cookie)
    {
        byte[] bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, cookie);
        return bytes;
    }
}

using System.Buffers.Binary;
using DmvpnLab.Net;
using DmvpnLab.Net.Interfaces;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Protocols.Ike;
using DmvpnLab.Protocols.Ipsec.Config;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Ipv4;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// A router's IPsec: the `crypto ipsec` configuration, the protector of every tunnel with
/// `tunnel protection ipsec profile`, and IP protocol 50. Outbound, a tunnel's outer GRE
/// packet is wrapped in ESP (RFC 4303) in tunnel or transport mode; inbound, the SA is
/// found by SPI and the decrypted packet goes back to IPv4 as received protected.
/// Per packet: two dictionary lookups, no allocation.
/// </summary>
public sealed class IpsecService : ITunnelProtector, IIpv4ProtocolHandler
{
    public const string DebugCategory = "crypto ipsec";

    /// <summary>Where the new outer header goes in a rented buffer: room for Ethernet.</summary>
    private const int EspHeaderStart = 64;

    /// <summary>ESP next header of a tunnel-mode packet: IPv4 (IANA protocol 4).</summary>
    private const byte NextHeaderIpv4 = 4;

    private readonly NetworkNode node;
    private readonly Dictionary<Ipv4Address, IpsecFlow> flowsByPeer = [];
    private readonly List<IpsecFlow> flows = [];
    private readonly Dictionary<uint, IpsecSaPair> pairsByInboundSpi = [];
    private readonly HashSet<uint> reservedSpis = [];
    private readonly long[] drops = new long[Enum.GetValues<IpsecDropReason>().Length];
    private readonly List<EspKeyRecord> keyRecords = [];
    private readonly HashSet<TunnelInterface> sharedTunnels = [];
    private int nextConnId = 1;

    private IpsecService(NetworkNode node)
    {
        this.node = node;
        Ike = new IkeService(node, this);
    }

    public IkeService Ike { get; }

    /// <summary>
    /// IOS 15's built-in transform set "default": esp-aes esp-sha-hmac in transport mode.
    /// It is not in <see cref="TransformSets"/> (the running config never prints it) but
    /// is listed by the show commands and usable by name.
    /// </summary>
    public IpsecTransformSet DefaultTransformSet { get; } = CreateDefaultTransformSet();

    /// <summary>IOS 15's built-in profile "default", which uses the default set.</summary>
    public IpsecProfile DefaultProfile { get; } = new(DefaultName)
    {
        TransformSetNames = { DefaultName },
    };

    public const string DefaultName = "default";

    public Dictionary<string, IpsecTransformSet> TransformSets { get; } =
        new(StringComparer.Ordinal);

    public Dictionary<string, IpsecProfile> Profiles { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<IpsecFlow> Flows => flows;

    /// <summary>Every ESP SA created on this router in this run, both directions.</summary>
    public IReadOnlyList<EspKeyRecord> KeyRecords => keyRecords;

    /// <summary>Raised when a Quick Mode installs a pair (tests, key export).</summary>
    public event Action<IpsecSaPair>? PairInstalled;

    /// <summary>The node's IPsec feature, created and hooked to protocol 50 on first use.</summary>
    public static IpsecService For(NetworkNode node)
    {
        var existing = node.GetFeature<IpsecService>();
        if (existing is not null)
        {
            return existing;
        }

        var service = new IpsecService(node);
        node.SetFeature(service);
        node.RunningConfigWriters.Add(builder => CryptoRunningConfig.Write(service, builder));
        node.Ipv4.Register(IpProtocol.Esp, service);
        return service;
    }

    public long GetDropCount(IpsecDropReason reason) => drops[(int)reason];

    public IpsecFlow? FindFlow(Ipv4Address peer) => flowsByPeer.GetValueOrDefault(peer);

    /// <summary>The profile a tunnel names, or null when it names none or an unknown one.</summary>
    public IpsecProfile? ProfileOf(TunnelInterface tunnel) =>
        tunnel.ProtectionProfileName is { } name ? FindProfile(name) : null;

    /// <summary>A configured profile, or IOS's built-in "default".</summary>
    public IpsecProfile? FindProfile(string name) =>
        Profiles.GetValueOrDefault(name) ?? (name == DefaultName ? DefaultProfile : null);

    /// <summary>A configured transform set, or IOS's built-in "default".</summary>
    public IpsecTransformSet? FindTransformSet(string name) =>
        TransformSets.GetValueOrDefault(name)
        ?? (name == DefaultName ? DefaultTransformSet : null);

    private static IpsecTransformSet CreateDefaultTransformSet()
    {
        IpsecTransformSet.TryParse(DefaultName, ["esp-aes", "esp-sha-hmac"], out var set, out _);
        set!.Mode = IpsecEncapsulationMode.Transport;
        return set;
    }

    /// <summary>A protected tunnel sourced at <paramref name="local"/> (responder side).</summary>
    public TunnelInterface? FindProtectedTunnel(Ipv4Address local)
    {
        foreach (var candidate in node.Interfaces)
        {
            if (candidate is TunnelInterface { Protector: not null } tunnel
                && tunnel.SourceAddress == local)
            {
                return tunnel;
            }
        }

        return null;
    }

    /// <summary>
    /// `tunnel protection ipsec profile NAME [shared]` (or its `no` form with null). The
    /// `shared` keyword is kept for the running config only: flows are per peer anyway.
    /// </summary>
    public void Protect(TunnelInterface tunnel, string? profileName, bool shared = false)
    {
        tunnel.Protector = profileName is null ? null : this;
        tunnel.ProtectionProfileName = profileName;
        if (shared && profileName is not null)
        {
            sharedTunnels.Add(tunnel);
        }
        else
        {
            sharedTunnels.Remove(tunnel);
        }
    }

    public bool IsShared(TunnelInterface tunnel) => sharedTunnels.Contains(tunnel);

    /// <summary>Every tunnel of the node with `tunnel protection`, in interface order.</summary>
    public List<TunnelInterface> ProtectedTunnelInterfaces()
    {
        var tunnels = new List<TunnelInterface>();
        foreach (var candidate in node.Interfaces)
        {
            if (candidate is TunnelInterface { ProtectionProfileName: not null } tunnel)
            {
                tunnels.Add(tunnel);
            }
        }

        return tunnels;
    }

    /// <inheritdoc/>
    public bool TryProtect(TunnelInterface tunnel, PacketBuffer buffer, int offset, int length,
        Ipv4Address nbmaDestination)
    {
        if (!flowsByPeer.TryGetValue(nbmaDestination, out var flow)
            || flow.Current is not { } pair)
        {
            drops[(int)IpsecDropReason.NoSaSend]++;
            flow?.CountDrop(IpsecDropReason.NoSaSend);
            Ike.RequestSa(tunnel, nbmaDestination);
            return false;
        }

        var outbound = pair.Outbound;
        if (outbound.SequenceNumber == uint.MaxValue)
        {
            // RFC 4303 3.3.3: the counter must not cycle; the SA goes, a new one is asked.
            drops[(int)IpsecDropReason.NoSaSend]++;
            flow.CountDrop(IpsecDropReason.NoSaSend);
            Expire(pair);
            Ike.RequestSa(tunnel, nbmaDestination);
            return false;
        }

        var esp = node.Pool.Rent();
        int espStart = EspHeaderStart + Ipv4HeaderView.MinimumHeaderLength;
        Span<byte> iv = stackalloc byte[outbound.IvLength];
        node.Scheduler.Random.NextBytes(iv);

        var inner = buffer.Bytes.AsSpan(offset, length);
        byte typeOfService = inner[1];
        int espLength;
        if (pair.IsTunnelMode)
        {
            // RFC 4303 3.1.2: the whole outer GRE packet is the payload, next header 4.
            espLength = outbound.Encrypt(inner, NextHeaderIpv4,
                esp.Bytes.AsSpan(espStart), iv);
        }
        else
        {
            // RFC 4303 3.1.1: ESP goes between the IP header and GRE, next header 47.
            int headerLength = (inner[0] & 0x0F) * 4;
            espLength = outbound.Encrypt(inner[headerLength..], (byte)IpProtocol.Gre,
                esp.Bytes.AsSpan(espStart), iv);
        }

        Ipv4Header.WriteHeader(esp.Bytes.AsSpan(EspHeaderStart), flow.Local, flow.Peer,
            IpProtocol.Esp, Ipv4Stack.DefaultTimeToLive, typeOfService,
            node.Ipv4.NextIdentification(), dontFragment: false, espLength);
        flow.PacketsEncapsulated++;
        node.Ipv4.SendBuilt(esp, EspHeaderStart, Ipv4HeaderView.MinimumHeaderLength + espLength);
        node.Pool.Return(esp);
        return true;
    }

    /// <inheritdoc/>
    public void OnReceive(NetworkInterface ingress, Ipv4PacketView packet)
    {
        var esp = packet.Payload;
        if (esp.Length < EspSecurityAssociation.HeaderLength)
        {
            drops[(int)IpsecDropReason.Truncated]++;
            return;
        }

        uint spi = BinaryPrimitives.ReadUInt32BigEndian(esp);
        if (!pairsByInboundSpi.TryGetValue(spi, out var pair))
        {
            drops[(int)IpsecDropReason.InvalidSpi]++;
            if (node.Log.IsDebugEnabled(DebugCategory))
            {
                node.Log.Debug(DebugCategory, $"%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd " +
                    $"IPSEC packet has invalid spi for destaddr={packet.Destination}, " +
                    $"prot=50, spi=0x{spi:X}({spi}), srcaddr={packet.Source}");
            }

            return;
        }

        var flow = pair.Flow;
        if (packet.Source != flow.Peer)
        {
            Drop(flow, IpsecDropReason.InvalidIdentity);
            return;
        }

        var buffer = node.Pool.Rent();
        Decapsulate(ingress, packet, esp, pair, buffer);
        node.Pool.Return(buffer);
    }

    private void Decapsulate(NetworkInterface ingress, Ipv4PacketView packet,
        ReadOnlySpan<byte> esp, IpsecSaPair pair, PacketBuffer buffer)
    {
        var flow = pair.Flow;
        int headerLength = packet.HeaderLength;
        int payloadStart = NetworkNode.Headroom + (pair.IsTunnelMode ? 0 : headerLength);
        var plaintext = buffer.Bytes.AsSpan(payloadStart);
        if (!pair.Inbound.TryDecrypt(esp, plaintext, out int payloadLength, out byte nextHeader,
                out var reason))
        {
            Drop(flow, reason switch
            {
                EspDropReason.Replay => IpsecDropReason.Replay,
                EspDropReason.IcvFailure => IpsecDropReason.VerifyFailed,
                _ => IpsecDropReason.DecapsFailed,
            });
            return;
        }

        byte expected = pair.IsTunnelMode ? NextHeaderIpv4 : (byte)IpProtocol.Gre;
        if (nextHeader != expected)
        {
            Drop(flow, IpsecDropReason.InvalidProtocol);
            return;
        }

        flow.PacketsDecapsulated++;
        if (pair.IsTunnelMode)
        {
            node.Ipv4.ReceiveDecrypted(ingress, plaintext[..payloadLength]);
            return;
        }

        // Transport mode: the outer header stays, now carrying GRE (RFC 4303 3.1.1).
        var header = buffer.Bytes.AsSpan(NetworkNode.Headroom, headerLength);
        packet.Bytes[..headerLength].CopyTo(header);
        header[9] = nextHeader;
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(headerLength + payloadLength));
        Ipv4Header.UpdateChecksum(header);
        node.Ipv4.ReceiveDecrypted(ingress,
            buffer.Bytes.AsSpan(NetworkNode.Headroom, headerLength + payloadLength));
    }

    private void Drop(IpsecFlow flow, IpsecDropReason reason)
    {
        drops[(int)reason]++;
        flow.CountDrop(reason);
    }

    /// <summary>A fresh inbound SPI, unused and reserved until installed or released.</summary>
    public uint AllocateSpi()
    {
        uint spi;
        do
        {
            // RFC 4303 2.1: SPIs 1-255 are reserved by IANA.
            spi = (uint)node.Scheduler.Random.NextInt64(256, uint.MaxValue);
        }
        while (pairsByInboundSpi.ContainsKey(spi) || !reservedSpis.Add(spi));

        return spi;
    }

    public void ReleaseSpi(uint spi) => reservedSpis.Remove(spi);

    /// <summary>
    /// Installs the pair a Quick Mode produced (RFC 2409 5.5): each direction keyed with
    /// KEYMAT for its own SPI, encryption key first, then the HMAC key.
    /// </summary>
    public IpsecSaPair Install(TunnelInterface tunnel, Ipv4Address local, Ipv4Address peer,
        IpsecTransformSet transformSet, uint inboundSpi, byte[] inboundKeymat,
        uint outboundSpi, byte[] outboundKeymat, int lifetimeSeconds, long lifetimeKilobytes)
    {
        if (!flowsByPeer.TryGetValue(peer, out var flow))
        {
            flow = new IpsecFlow(tunnel, local, peer);
            flowsByPeer[peer] = flow;
            flows.Add(flow);
        }

        var inbound = CreateSa(transformSet, inboundSpi, inboundKeymat);
        var outbound = CreateSa(transformSet, outboundSpi, outboundKeymat);
        var pair = new IpsecSaPair(flow, transformSet, inbound, outbound, lifetimeSeconds,
            lifetimeKilobytes, node.Scheduler.NowNanoseconds)
        {
            InboundConnId = nextConnId++,
            OutboundConnId = nextConnId++,
        };
        reservedSpis.Remove(inboundSpi);
        pairsByInboundSpi[inboundSpi] = pair;
        flow.Pairs.Add(pair);
        flow.Current = pair;
        keyRecords.Add(new EspKeyRecord(peer, local, inbound));
        keyRecords.Add(new EspKeyRecord(local, peer, outbound));

        // A known limit: no soft-lifetime rekey. The pair dies at its hard lifetime and
        // the next packet to the peer starts a new Quick Mode (and is dropped meanwhile).
        pair.ExpiryTimer = new SimTimer(node.Scheduler, () => Expire(pair));
        pair.ExpiryTimer.Start(TimeSpan.FromSeconds(lifetimeSeconds));
        DebugCreated(pair, local, peer);
        PairInstalled?.Invoke(pair);
        return pair;
    }

    private static EspSecurityAssociation CreateSa(IpsecTransformSet transformSet, uint spi,
        byte[] keymat)
    {
        int encryptionLength = transformSet.EncryptionKeyLength;
        return new EspSecurityAssociation(spi, transformSet.Encryption,
            keymat.AsSpan(0, encryptionLength), transformSet.Integrity,
            keymat.AsSpan(encryptionLength, transformSet.IntegrityKeyLength));
    }

    private void Expire(IpsecSaPair pair)
    {
        if (node.Log.IsDebugEnabled(DebugCategory))
        {
            node.Log.Debug(DebugCategory, $"IPSEC(sa_expired): SA lifetime expired, " +
                $"(sa) sa_dest= {pair.Flow.Peer}, sa_proto= 50, " +
                $"sa_spi= 0x{pair.Outbound.Spi:X}({pair.Outbound.Spi})");
        }

        Ike.SendDeleteFor(pair);
        Remove(pair);
    }

    /// <summary>Removes a pair whose peer sent a DELETE for its outbound SPI.</summary>
    public bool RemoveByOutboundSpi(Ipv4Address peer, uint outboundSpi)
    {
        if (!flowsByPeer.TryGetValue(peer, out var flow))
        {
            return false;
        }

        foreach (var pair in flow.Pairs)
        {
            if (pair.Outbound.Spi == outboundSpi)
            {
                Remove(pair);
                return true;
            }
        }

        return false;
    }

    /// <summary>INITIAL-CONTACT: the peer's SAs older than the new exchange are stale.</summary>
    public void RemovePairsCreatedBefore(Ipv4Address peer, long timeNanoseconds)
    {
        if (!flowsByPeer.TryGetValue(peer, out var flow))
        {
            return;
        }

        foreach (var pair in flow.Pairs.ToArray())
        {
            if (pair.CreatedAtNanoseconds < timeNanoseconds)
            {
                Remove(pair);
            }
        }
    }

    /// <summary>`clear crypto sa`: every pair goes, each announced to its peer.</summary>
    public void ClearAll()
    {
        foreach (var flow in flows.ToArray())
        {
            foreach (var pair in flow.Pairs.ToArray())
            {
                Ike.SendDeleteFor(pair);
                Remove(pair);
            }
        }
    }

    private void Remove(IpsecSaPair pair)
    {
        var flow = pair.Flow;
        flow.Pairs.Remove(pair);
        pairsByInboundSpi.Remove(pair.Inbound.Spi);
        if (flow.Current == pair)
        {
            flow.Current = flow.Pairs.Count > 0 ? flow.Pairs[^1] : null;
        }

        if (node.Log.IsDebugEnabled(DebugCategory))
        {
            node.Log.Debug(DebugCategory, $"IPSEC(delete_sa): deleting SA,\n" +
                $"  (sa) sa_dest= {flow.Peer}, sa_proto= 50,\n" +
                $"    sa_spi= 0x{pair.Outbound.Spi:X}({pair.Outbound.Spi}),\n" +
                $"  (sa) sa_dest= {flow.Local}, sa_proto= 50,\n" +
                $"    sa_spi= 0x{pair.Inbound.Spi:X}({pair.Inbound.Spi})");
        }

        // The SA objects stay alive for the key export; only their timer stops.
        pair.ExpiryTimer?.Stop();
    }

    private void DebugCreated(IpsecSaPair pair, Ipv4Address local, Ipv4Address peer)
    {
        if (!node.Log.IsDebugEnabled(DebugCategory))
        {
            return;
        }

        string mode = pair.IsTunnelMode ? "Tunnel" : "Transport";
        foreach (var (destination, sa, connId) in new[]
        {
            (local, pair.Inbound, pair.InboundConnId),
            (peer, pair.Outbound, pair.OutboundConnId),
        })
        {
            node.Log.Debug(DebugCategory, $"IPSEC(create_sa): sa created,\n" +
                $"  (sa) sa_dest= {destination}, sa_proto= 50,\n" +
                $"    sa_spi= 0x{sa.Spi:X}({sa.Spi}),\n" +
                $"    sa_trans= {pair.TransformSet.TransformText}, sa_conn_id= {connId}\n" +
                $"    sa_lifetime(k/sec)= ({pair.LifetimeKilobytes}/{pair.LifetimeSeconds})," +
                $" mode= {mode}");
        }
    }
}

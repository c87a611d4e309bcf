using System.Buffers.Binary;
using DmvpnLab.Net;
using DmvpnLab.Protocols.Ipsec;
using DmvpnLab.Protocols.Ipsec.Crypto;
using DmvpnLab.Protocols.Tests.Ike;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Isakmp;

namespace DmvpnLab.Protocols.Tests.Ipsec;

/// <summary>The ESP protector and protocol 50 between two routers with SAs up.</summary>
public class IpsecDataPathTests
{
    private static ProtectedPair Established(
        IpsecEncapsulationMode mode = IpsecEncapsulationMode.Tunnel)
    {
        var pair = new ProtectedPair(mode: mode);
        pair.RequestFromA();
        pair.Run(1);
        pair.Frames.Clear();
        return pair;
    }

    [Fact]
    public void NoSa_FirstPacketDroppedAndCounted_IkeStarted()
    {
        var pair = new ProtectedPair();

        pair.PingFromA(1);

        Assert.Equal(1, pair.AIpsec.GetDropCount(IpsecDropReason.NoSaSend));
        Assert.Single(pair.AIke.SecurityAssociations);
    }

    [Theory]
    [InlineData(IpsecEncapsulationMode.Tunnel, 4)]
    [InlineData(IpsecEncapsulationMode.Transport, 47)]
    public void Ping_EncryptedBothWays_CountersMatchAndEspCarriesTheMode(
        IpsecEncapsulationMode mode, byte nextHeader)
    {
        var pair = Established(mode);

        for (ushort i = 1; i <= 3; i++)
        {
            pair.PingFromA(i);
        }

        pair.Run(1);

        var a = pair.AIpsec.FindFlow(ProtectedPair.BAddress)!;
        var b = pair.BIpsec.FindFlow(ProtectedPair.AAddress)!;
        Assert.Equal(3, a.PacketsEncapsulated);
        Assert.Equal(3, a.PacketsDecapsulated);
        Assert.Equal(3, b.PacketsEncapsulated);
        Assert.Equal(3, b.PacketsDecapsulated);
        Assert.Empty(pair.Packets(47));
        var esp = pair.Packets(50);
        Assert.Equal(6, esp.Count);

        // A copy of B's inbound SA opens A's first packet: outer header from the tunnel
        // source to the peer, then the whole GRE packet (tunnel) or GRE alone (transport).
        byte[] packet = esp[0];
        Assert.Equal(ProtectedPair.AAddress, Ipv4Address.Read(packet.AsSpan(12)));
        var inbound = b.Current!.Inbound;
        using var copy = new EspSecurityAssociation(inbound.Spi, inbound.Encryption,
            inbound.EncryptionKey, inbound.Integrity, inbound.IntegrityKey);
        byte[] plaintext = new byte[packet.Length];
        Assert.True(copy.TryDecrypt(packet.AsSpan(20), plaintext, out int length,
            out byte next, out _));
        Assert.Equal(nextHeader, next);
        var gre = mode == IpsecEncapsulationMode.Tunnel ? plaintext.AsSpan(20) : plaintext;
        if (mode == IpsecEncapsulationMode.Tunnel)
        {
            Assert.Equal(0x45, plaintext[0]);
            Assert.Equal(47, plaintext[9]);
        }

        Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16BigEndian(gre[2..]));
        Assert.True(length > 20);
    }

    [Fact]
    public void TamperedEsp_DroppedAsVerifyFailure_ReplayedEspDroppedAsReplay()
    {
        var pair = Established();
        pair.Link.LossProbability = 1;
        pair.PingFromA(1);
        pair.Run(0.1);
        pair.Link.LossProbability = 0;
        byte[] original = Assert.Single(pair.Packets(50));
        byte[] tampered = (byte[])original.Clone();
        tampered[^20] ^= 0x40;

        pair.B.Ipv4.Receive(pair.BWan, tampered);
        pair.B.Ipv4.Receive(pair.BWan, original);
        pair.B.Ipv4.Receive(pair.BWan, original);

        var flow = pair.BIpsec.FindFlow(ProtectedPair.AAddress)!;
        Assert.Equal(1, flow.GetDropCount(IpsecDropReason.VerifyFailed));
        Assert.Equal(1, flow.GetDropCount(IpsecDropReason.Replay));
        Assert.Equal(2, flow.ReceiveErrors);
        Assert.Equal(1, flow.PacketsDecapsulated);
    }

    [Fact]
    public void UnknownSpiAndTruncatedEsp_DroppedAndCounted()
    {
        var pair = Established();
        byte[] esp = new byte[20 + 40];
        WriteHeader(esp, 50);
        BinaryPrimitives.WriteUInt32BigEndian(esp.AsSpan(20), 0xDEADBEEF);

        pair.B.Ipv4.Receive(pair.BWan, esp);
        pair.B.Ipv4.Receive(pair.BWan, esp[..24].Also(p => WriteHeader(p, 50)));

        Assert.Equal(1, pair.BIpsec.GetDropCount(IpsecDropReason.InvalidSpi));
        Assert.Equal(1, pair.BIpsec.GetDropCount(IpsecDropReason.Truncated));
    }

    [Fact]
    public void CleartextGreOnProtectedTunnel_Dropped()
    {
        var pair = Established();
        byte[] gre = new byte[20 + 4 + 20];
        WriteHeader(gre, 47);
        gre[22] = 0x08;

        pair.B.Ipv4.Receive(pair.BWan, gre);

        Assert.Equal(1, pair.B.Drops[DropReason.TunnelUnprotectedDrop]);
    }

    [Fact]
    public void SteadyState_IpsecAddsNoAllocation()
    {
        var pair = Established();
        var plain = new ProtectedPair();
        plain.ATunnel.Protector = null;
        plain.BTunnel.Protector = null;

        long protectedBytes = MeasureTunnel(pair);
        long plainBytes = MeasureTunnel(plain);

        Assert.Equal(400, pair.BIpsec.FindFlow(ProtectedPair.AAddress)!.PacketsDecapsulated);
        Assert.Equal(400, plain.BTunnel.Counters.InputPackets);
        // Whatever GRE and IPv4 allocate per packet (if anything), ESP adds nothing to it.
        Assert.Equal(plainBytes, protectedBytes);
    }

    private static long MeasureTunnel(ProtectedPair pair)
    {
        pair.Link.Tap = null;
        for (int i = 0; i < 200; i++)
        {
            SendThroughTunnel(pair);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            SendThroughTunnel(pair);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // An inner packet to an unjoined multicast group: B decrypts and decapsulates it, then
    // drops it silently, so nothing but IPsec, GRE and IPv4 runs on the measured path.
    private static void SendThroughTunnel(ProtectedPair pair)
    {
        var buffer = pair.A.Pool.Rent();
        var inner = buffer.Bytes.AsSpan(NetworkNode.Headroom, 48);
        Wire.Ipv4.Ipv4Header.WriteHeader(inner, Ipv4Address.Parse("172.16.1.1"),
            Ipv4Address.Parse("224.0.0.99"), Wire.Ipv4.IpProtocol.Udp, 1, 0, 7, false, 28);
        pair.ATunnel.SendEncapsulated(buffer, NetworkNode.Headroom, 48, 0x0800,
            ProtectedPair.BAddress, 0);
        pair.A.Pool.Return(buffer);
        pair.Scheduler.RunFor(TimeSpan.FromMilliseconds(5));
    }

    private static void WriteHeader(byte[] packet, byte protocol)
    {
        Wire.Ipv4.Ipv4Header.WriteHeader(packet, ProtectedPair.AAddress, ProtectedPair.BAddress,
            (Wire.Ipv4.IpProtocol)protocol, 255, 0, 1, false, packet.Length - 20);
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}

using DmvpnLab.Net;
using DmvpnLab.Net.Ip;
using DmvpnLab.Net.Tunnels;
using DmvpnLab.Sim;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Gre;
using DmvpnLab.Wire.Ipv4;

namespace DmvpnLab.Protocols.Gre;

/// <summary>
/// A GRE tunnel interface (RFC 2784, key per RFC 2890), point-to-point or multipoint.
/// Outgoing packets get a GRE header and an outer IPv4 header from the tunnel source
/// to the NBMA address of the next hop, then go to the protector (IPsec) if one is
/// set, or straight to the IPv4 stack.
/// </summary>
public sealed class GreTunnelInterface : TunnelInterface
{
    /// <summary>IOS: 17916 on IOSv for GRE/IPv4 (the IP MTU defaults to 1476 after overhead).</summary>
    public const int IosTunnelMtu = 17916;

    public const ushort ProtocolTypeIpv4 = 0x0800;
    public const ushort ProtocolTypeNhrp = 0x2001;

    public GreTunnelInterface(NetworkNode node, string name) : base(node, name)
    {
    }

    private uint? key;

    /// <summary>`tunnel key`; RFC 2890 2.1.</summary>
    public uint? Key
    {
        get => key;
        set
        {
            key = value;
            Node.OnInterfaceChanged(this);
        }
    }

    public int HeaderLength => Key is null ? 4 : 8;

    public override int Mtu => IosTunnelMtu;

    /// <summary>`keepalive` period and retries (kept for show; multipoint tunnels send none).</summary>
    public (int PeriodSeconds, int Retries)? Keepalive { get; set; }

    public override string HardwareDescription => "Tunnel";

    public override void WriteEncapsulationDetails(TextWriter output)
    {
        output.WriteLine("  Encapsulation TUNNEL, loopback not set");
        output.WriteLine(Keepalive is { } keepalive
            ? $"  Keepalive set ({keepalive.PeriodSeconds} sec), retries {keepalive.Retries}"
            : "  Keepalive not set");
        output.WriteLine(IsUp
            ? "  Tunnel linestate evaluation up"
            : "  Tunnel linestate evaluation down - no output interface");
        string source = SourceInterface is null
            ? "0.0.0.0"
            : $"{SourceAddress} ({SourceInterface.Name})";
        output.WriteLine(Destination is { } destination
            ? $"  Tunnel source {source}, destination {destination}"
            : $"  Tunnel source {source}");
        output.WriteLine(Mode == TunnelMode.GreMultipoint
            ? "  Tunnel protocol/transport multi-GRE/IP"
            : "  Tunnel protocol/transport GRE/IP");
        output.WriteLine(Key is { } key
            ? $"    Key 0x{key:X}, sequencing disabled"
            : "    Key disabled, sequencing disabled");
        output.WriteLine("    Checksumming of packets disabled");
        output.WriteLine("  Tunnel TTL 255, Fast tunneling enabled");
        int transportMtu = (SourceInterface?.IpMtu ?? 1500) - 20 - HeaderLength;
        output.WriteLine($"  Tunnel transport MTU {transportMtu} bytes");
        output.WriteLine("  Tunnel transmit bandwidth 8000 (kbps)");
        output.WriteLine("  Tunnel receive bandwidth 8000 (kbps)");
        if (ProtectionProfileName is { } profile)
            output.WriteLine($"  Tunnel protection via IPSec (profile \"{profile}\")");
    }

    public override void TransmitIpv4(PacketBuffer buffer, int offset, int length,
        Ipv4Address nextHop)
    {
        if (!IsUp)
        {
            Counters.OutputDrops++;
            return;
        }

        if (Mode == TunnelMode.GreIp)
        {
            SendEncapsulated(buffer, offset, length, ProtocolTypeIpv4, Destination!.Value, 0);
            return;
        }

        if (nextHop.IsMulticast || nextHop == Ipv4Address.Broadcast)
        {
            SendToMulticastDestinations(buffer, offset, length);
            return;
        }

        var packetSource = Ipv4Address.Read(buffer.Bytes.AsSpan(offset + 12));
        var packetDestination = Ipv4Address.Read(buffer.Bytes.AsSpan(offset + 16));
        if (Resolver is null ||
            !Resolver.TryResolve(this, nextHop, packetSource, packetDestination, out var nbma))
        {
            TransmitDropsNoNextHop++;
            Counters.OutputDrops++;
            Node.Drops.Count(DropReason.TunnelNoNextHop);
            return;
        }

        SendEncapsulated(buffer, offset, length, ProtocolTypeIpv4, nbma, 0);
    }

    private void SendToMulticastDestinations(PacketBuffer buffer, int offset, int length)
    {
        if (Resolver is null)
            return;

        var destinations = Resolver.MulticastDestinations(this);
        for (int i = 0; i < destinations.Count; i++)
        {
            // Each copy is encapsulated separately: the outer headers differ per peer.
            var copy = Node.Pool.Rent();
            buffer.Bytes.AsSpan(offset, length).CopyTo(copy.Bytes.AsSpan(NetworkNode.Headroom));
            SendEncapsulated(copy, NetworkNode.Headroom, length, ProtocolTypeIpv4,
                destinations[i], 0);
            Node.Pool.Return(copy);
        }
    }

    public override void SendEncapsulated(PacketBuffer buffer, int offset, int length,
        ushort protocolType, Ipv4Address nbmaDestination, byte typeOfService)
    {
        int greStart = offset - HeaderLength;
        GreHeader.Write(buffer.Bytes.AsSpan(greStart), (GreProtocolType)protocolType, Key);

        int outerStart = greStart - Ipv4HeaderView.MinimumHeaderLength;
        int outerLength = Ipv4HeaderView.MinimumHeaderLength + HeaderLength + length;
        Ipv4Header.WriteHeader(buffer.Bytes.AsSpan(outerStart), SourceAddress, nbmaDestination,
            IpProtocol.Gre, 255, typeOfService, Node.Ipv4.NextIdentification(),
            dontFragment: false, HeaderLength + length);
        Counters.CountOutput(length);

        if (Protector is not null)
        {
            if (!Protector.TryProtect(this, buffer, outerStart, outerLength, nbmaDestination))
                Counters.OutputDrops++;
            return;
        }

        Node.Ipv4.SendBuilt(buffer, outerStart, outerLength);
    }
}

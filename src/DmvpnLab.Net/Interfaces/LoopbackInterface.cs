using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Interfaces;

/// <summary>A loopback interface: always up, packets sent to it come straight back.</summary>
public sealed class LoopbackInterface(NetworkNode node, string name) : NetworkInterface(node, name)
{
    public override bool LineProtocolUp => true;

    public override int Mtu => 1514;

    public override int DefaultBandwidthKilobits => 8_000_000;

    public override int DefaultDelayMicroseconds => 5000;

    public override string HardwareDescription => "Loopback";

    public override void WriteEncapsulationDetails(TextWriter output)
    {
        output.WriteLine("  Encapsulation LOOPBACK, loopback not set");
        output.WriteLine("  Keepalive set (10 sec)");
    }

    public override void TransmitIpv4(PacketBuffer buffer, int offset, int length,
        Ipv4Address nextHop)
    {
        Counters.CountOutput(length);
        Node.Ipv4.Receive(this, buffer.Bytes.AsSpan(offset, length));
    }
}

using DmvpnLab.Net.Interfaces;
using DmvpnLab.Sim;
using DmvpnLab.Wire;

namespace DmvpnLab.Net.Tests;

/// <summary>Two nodes cabled Gi0/0 to Gi0/0 on 10.0.0.0/24, each with a LAN port.</summary>
internal sealed class TwoNodes
{
    public TwoNodes(int seed = 1)
    {
        Scheduler = new Scheduler(seed);
        var pool = new PacketBufferPool();
        A = new NetworkNode("A", Scheduler, pool, 1);
        B = new NetworkNode("B", Scheduler, pool, 2);
        AWan = A.AddInterface(new EthernetInterface(A, "GigabitEthernet0/0", A.NewMacAddress(0)));
        BWan = B.AddInterface(new EthernetInterface(B, "GigabitEthernet0/0", B.NewMacAddress(0)));
        BLan = B.AddInterface(new LoopbackInterface(B, "Loopback0"));
        Link = new Link(Scheduler, pool, "A--B", AWan, BWan);
        AWan.Attach(Link);
        BWan.Attach(Link);
        AWan.SetAddress(Ipv4Address.Parse("10.0.0.1"), 24);
        BWan.SetAddress(Ipv4Address.Parse("10.0.0.2"), 24);
        BLan.SetAddress(Ipv4Address.Parse("192.168.2.1"), 24);
    }

    public Scheduler Scheduler { get; }

    public NetworkNode A { get; }

    public NetworkNode B { get; }

    public EthernetInterface AWan { get; }

    public EthernetInterface BWan { get; }

    public LoopbackInterface BLan { get; }

    public Link Link { get; }
}

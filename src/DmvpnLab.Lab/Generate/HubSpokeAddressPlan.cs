using DmvpnLab.Wire;

namespace DmvpnLab.Lab.Generate;

/// <summary>
/// The addresses of a generated hub-and-spoke lab, chosen so one plan serves 3 spokes or
/// 30,000 without renumbering:
/// <list type="table">
/// <item><term>tunnel 172.16.0.0/16</term><description>hub .0.1, spoke n 172.16.0.0 + 1 + n
/// </description></item>
/// <item><term>LANs 10.128.0.0/9</term><description>one /24 each: hub 10.128.0.0, spoke n
/// the n-th /24 after it; gateway .1, PC .10</description></item>
/// <item><term>hub NBMA 10.0.0.0/30</term><description>hub .1, core internet router .2
/// </description></item>
/// <item><term>core–edge links 10.1.0.0/16</term><description>one /30 per edge router:
/// core .1, edge .2</description></item>
/// <item><term>spoke NBMA 10.64.0.0/10</term><description>one /30 per spoke: edge router .1,
/// spoke .2; the 64 spokes of one edge router fill one /24, so the core needs one static
/// route per edge router</description></item>
/// </list>
/// The LAN plan is the tightest: 32,767 spokes.
/// </summary>
public static class HubSpokeAddressPlan
{
    /// <summary>The most spokes the plan numbers: the /24s in 10.128.0.0/9 but the hub's.
    /// </summary>
    public const int MaximumSpokes = 32_767;

    /// <summary>Spokes behind one edge internet router: their /30s fill one /24.</summary>
    public const int SpokesPerEdgeRouter = 64;

    public static readonly Ipv4Address TunnelNetwork = Ipv4Address.Parse("172.16.0.0");
    public static readonly Ipv4Address TunnelMask = Ipv4Address.Parse("255.255.0.0");
    public static readonly Ipv4Address LanSummary = Ipv4Address.Parse("10.128.0.0");
    public static readonly Ipv4Address LanSummaryMask = Ipv4Address.Parse("255.128.0.0");
    public static readonly Ipv4Address LanMask = Ipv4Address.Parse("255.255.255.0");
    public static readonly Ipv4Address LinkMask = Ipv4Address.Parse("255.255.255.252");
    public static readonly Ipv4Address EdgeBlockMask = Ipv4Address.Parse("255.255.255.0");

    private static readonly uint HubNbmaNetwork = Ipv4Address.Parse("10.0.0.0").Value;
    private static readonly uint CoreLinkNetwork = Ipv4Address.Parse("10.1.0.0").Value;
    private static readonly uint SpokeNbmaNetwork = Ipv4Address.Parse("10.64.0.0").Value;

    /// <summary>The hub's tunnel address (spoke 0 in the tunnel plan).</summary>
    public static Ipv4Address HubTunnel => TunnelAddress(0);

    /// <summary>Tunnel address of spoke <paramref name="spoke"/> (1-based); 0 is the hub.</summary>
    public static Ipv4Address TunnelAddress(int spoke) =>
        new(TunnelNetwork.Value + 1 + (uint)spoke);

    /// <summary>The /24 LAN of spoke <paramref name="spoke"/>; 0 is the hub's.</summary>
    public static Ipv4Address LanNetwork(int spoke) => new(LanSummary.Value + 256u * (uint)spoke);

    /// <summary>The router's address on a LAN (.1).</summary>
    public static Ipv4Address LanGateway(int spoke) => new(LanNetwork(spoke).Value + 1);

    /// <summary>The PC's address on a LAN (.10).</summary>
    public static Ipv4Address LanHost(int spoke) => new(LanNetwork(spoke).Value + 10);

    public static Ipv4Address HubNbma => new(HubNbmaNetwork + 1);

    public static Ipv4Address CoreTowardHub => new(HubNbmaNetwork + 2);

    /// <summary>Which edge router (1-based) serves spoke <paramref name="spoke"/>.</summary>
    public static int EdgeRouterOf(int spoke) => (spoke - 1) / SpokesPerEdgeRouter + 1;

    /// <summary>How many edge routers serve <paramref name="spokes"/> spokes.</summary>
    public static int EdgeRouterCount(int spokes) =>
        (spokes + SpokesPerEdgeRouter - 1) / SpokesPerEdgeRouter;

    public static Ipv4Address CoreTowardEdge(int edge) =>
        new(CoreLinkNetwork + 4u * (uint)edge + 1);

    public static Ipv4Address EdgeTowardCore(int edge) =>
        new(CoreLinkNetwork + 4u * (uint)edge + 2);

    /// <summary>The /24 holding the spoke links of edge router <paramref name="edge"/>.</summary>
    public static Ipv4Address EdgeBlock(int edge) =>
        new(SpokeNbmaNetwork + 256u * (uint)(edge - 1));

    public static Ipv4Address EdgeTowardSpoke(int spoke) =>
        new(SpokeNbmaNetwork + 4u * (uint)(spoke - 1) + 1);

    /// <summary>Spoke <paramref name="spoke"/>'s NBMA (Gi0/0) address.</summary>
    public static Ipv4Address SpokeNbma(int spoke) =>
        new(SpokeNbmaNetwork + 4u * (uint)(spoke - 1) + 2);
}

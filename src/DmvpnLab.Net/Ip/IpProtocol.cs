namespace DmvpnLab.Net.Ip;

/// <summary>IPv4 protocol numbers this emulator handles (IANA registry).</summary>
public static class IpProtocol
{
    public const byte Icmp = 1;
    public const byte Ipv4InIpv4 = 4;
    public const byte Udp = 17;
    public const byte Gre = 47;
    public const byte Esp = 50;
    public const byte Eigrp = 88;
}

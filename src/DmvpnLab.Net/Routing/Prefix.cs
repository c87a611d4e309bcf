using DmvpnLab.Wire;

namespace DmvpnLab.Net.Routing;

/// <summary>An IPv4 prefix, always stored with its host bits cleared.</summary>
public readonly record struct Prefix
{
    public Prefix(Ipv4Address address, int length)
    {
        Network = address.Network(length);
        Length = length;
    }

    public Ipv4Address Network { get; }

    public int Length { get; }

    public Ipv4Address Mask => Ipv4Address.PrefixLengthToMask(Length);

    public bool Contains(Ipv4Address address) => address.IsInSubnet(Network, Length);

    public override string ToString() => $"{Network}/{Length}";
}

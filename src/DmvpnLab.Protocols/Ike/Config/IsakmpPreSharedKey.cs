namespace DmvpnLab.Protocols.Ike.Config;

using DmvpnLab.Wire;

/// <summary>
/// `crypto isakmp key KEY address A.B.C.D [MASK]`: a pre-shared key for the peers in a
/// range. Address 0.0.0.0 is the wildcard the lab notes use for dynamic spokes; without a
/// mask IOS matches the host alone (or everything, for the wildcard).
/// </summary>
public sealed class IsakmpPreSharedKey
{
    public IsakmpPreSharedKey(string key, Ipv4Address address, Ipv4Address? mask)
    {
        Key = key;
        Address = address;
        Mask = mask ?? (address.Value == 0 ? new Ipv4Address(0) : new Ipv4Address(uint.MaxValue));
    }

    public string Key { get; }

    public Ipv4Address Address { get; }

    public Ipv4Address Mask { get; }

    public int PrefixLength => System.Numerics.BitOperations.PopCount(Mask.Value);

    public bool Covers(Ipv4Address peer) =>
        (peer.Value & Mask.Value) == (Address.Value & Mask.Value);
}

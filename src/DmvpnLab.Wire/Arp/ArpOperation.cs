namespace DmvpnLab.Wire.Arp;

/// <summary>The ar$op field of RFC 826; other values survive a round trip as numbers.</summary>
public enum ArpOperation : ushort
{
    /// <summary>Who has the target protocol address?</summary>
    Request = 1,

    /// <summary>The sender hardware address answers for the sender protocol address.</summary>
    Reply = 2,
}

using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

public sealed partial class NhrpInterface
{
    /// <summary>
    /// An NHRP packet out of the tunnel (GRE protocol 0x2001). Every refusal is counted
    /// under a named reason and the packet dropped; nothing a peer sends can throw.
    /// </summary>
    public void Receive(Ipv4Address nbmaSource, ReadOnlySpan<byte> payload)
    {
        if (!NhrpPacket.TryParse(payload, out var packet, out NhrpDropReason reason, out _))
        {
            // An unknown compulsory extension deserves an Error Indication (RFC 2332 5.3);
            // this implementation counts and drops it like the other refusals.
            Protocol.Drops.Count(reason);
            NhrpDebug.Dropped(this, reason.ToString());
            return;
        }

        Traffic.CountReceived(packet!.Type);
        NhrpDebug.Received(this, packet, payload.Length);
        if (!IsEnabled)
        {
            Drop(NhrpProtocolDropReason.NetworkIdNotConfigured);
            return;
        }

        if (!HasIpv4Addresses(packet))
        {
            Drop(NhrpProtocolDropReason.UnsupportedAddressFamily);
            return;
        }

        if (!Authenticates(packet))
        {
            Drop(NhrpProtocolDropReason.AuthenticationMismatch);
            return;
        }

        Dispatch(packet, nbmaSource);
    }

    private void Dispatch(NhrpPacket packet, Ipv4Address nbmaSource)
    {
        switch (packet.Type)
        {
            case NhrpPacketType.RegistrationRequest:
                OnRegistrationRequest(packet, nbmaSource);
                break;
            case NhrpPacketType.RegistrationReply:
                OnRegistrationReply(packet);
                break;
            case NhrpPacketType.ResolutionRequest:
                OnResolutionRequest(packet);
                break;
            case NhrpPacketType.ResolutionReply:
                OnResolutionReply(packet);
                break;
            case NhrpPacketType.TrafficIndication:
                OnTrafficIndication(packet);
                break;
            default:
                // Purge and Error Indication are counted in `show ip nhrp traffic` only.
                Drop(NhrpProtocolDropReason.UnhandledType);
                break;
        }
    }

    internal void Drop(NhrpProtocolDropReason reason)
    {
        Protocol.Drops.Count(reason);
        NhrpDebug.Dropped(this, reason.ToString());
    }

    private static bool HasIpv4Addresses(NhrpPacket packet)
    {
        var mandatory = packet.Mandatory;
        return packet.AddressFamily == NhrpAddress.AddressFamilyIpv4
            && packet.ProtocolType == NhrpAddress.ProtocolTypeIpv4
            && mandatory.SourceNbmaAddress.Length == Ipv4Address.Length
            && mandatory.SourceProtocolAddress.Length == Ipv4Address.Length
            && mandatory.DestinationProtocolAddress.Length == Ipv4Address.Length;
    }

    /// <summary>
    /// RFC 2332 5.3.4 as IOS applies it: with `ip nhrp authentication` set, a packet must
    /// carry the same cleartext key (SPI 1); without one, any packet passes.
    /// </summary>
    private bool Authenticates(NhrpPacket packet)
    {
        if (Config.Authentication is not { } key)
            return true;

        if (packet.FindExtension(NhrpExtensionType.Authentication) is not
            NhrpAuthenticationExtension authentication)
            return false;

        return authentication.Spi == NhrpAuthenticationExtension.CiscoCleartextSpi
            && authentication.Password.AsSpan().SequenceEqual(key);
    }

    private static bool TryGetCieAddresses(NhrpClientInformationEntry entry,
        out Ipv4Address nbma, out Ipv4Address protocol)
    {
        protocol = default;
        return NhrpAddress.TryGetIpv4(entry.ClientNbmaAddress, out nbma)
            && NhrpAddress.TryGetIpv4(entry.ClientProtocolAddress, out protocol);
    }
}

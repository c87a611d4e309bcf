using DmvpnLab.Protocols.Gre;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// Builds NHRP messages the way IOS lays them out (refdata/pcaps/README.md): hop count
/// 255, one CIE, and the extensions Responder Address, Forward and Reverse Transit NHS
/// Record, Authentication (when a key is set), the Cisco NAT address (registrations),
/// End.
/// </summary>
public static class NhrpMessages
{
    /// <summary>IOS's CIE MTU in resolution requests and replies.</summary>
    public const ushort ResolutionMtu = 1514;

    /// <summary>Registration Request flags: IOS sets its NAT bit, and U unless no-unique.</summary>
    public static NhrpRegistrationFlags RegistrationFlags(bool unique) =>
        NhrpRegistrationFlags.CiscoNat | (unique ? NhrpRegistrationFlags.Unique : 0);

    /// <summary>IOS's Resolution Request flags, 0xC802: Q, A, S and the NAT bit.</summary>
    public const NhrpResolutionFlags ResolutionRequestFlags =
        NhrpResolutionFlags.Router | NhrpResolutionFlags.Authoritative
        | NhrpResolutionFlags.SourceStable | NhrpResolutionFlags.CiscoNat;

    /// <summary>Added to the request's flags in a reply, making 0xF802: D and U.</summary>
    public const NhrpResolutionFlags ResolutionReplyExtraFlags =
        NhrpResolutionFlags.DestinationStable | NhrpResolutionFlags.Unique;

    /// <summary>
    /// The CIE MTU IOS puts in registrations: the tunnel's MTU, 17916 without a tunnel key
    /// and 17912 with one (nhrp.pcapng and NHRP_registration.pcap).
    /// </summary>
    public static ushort RegistrationMtu(GreTunnelInterface tunnel) =>
        (ushort)(GreTunnelInterface.IosTunnelMtu - (tunnel.HeaderLength - 4));

    /// <summary>RFC 2332 5.2.3, as IOS sends it to one NHS.</summary>
    public static NhrpPacket RegistrationRequest(NhrpInterface nhrp, uint requestId,
        Ipv4Address nhsAddress, Ipv4Address nhsNbma)
    {
        var tunnel = nhrp.Tunnel;
        ushort mtu = RegistrationMtu(tunnel);
        var packet = NewPacket(NhrpPacketType.RegistrationRequest, tunnel.SourceAddress,
            tunnel.Address, nhsAddress, requestId,
            (ushort)RegistrationFlags(nhrp.Config.RegistrationUnique));

        // IOS's registration CIE carries no addresses: the mandatory part names the client.
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32,
            Mtu = mtu,
            HoldingTime = (ushort)nhrp.Config.HoldTimeSeconds,
        });
        AddRequestExtensions(packet, nhrp.Config);

        // The NAT extension names the server as the client addressed it, hold time 0.
        var nat = Cie(32, mtu, 0, nhsNbma, nhsAddress);
        packet.Extensions.Insert(packet.Extensions.Count - 1,
            NhrpCieListExtension.CiscoNatAddress(nat));
        return packet;
    }

    /// <summary>
    /// RFC 2332 5.2.4: the request's mandatory part and CIE come back with the code set;
    /// the Responder Address extension names the server.
    /// </summary>
    public static NhrpPacket RegistrationReply(NhrpInterface nhrp, NhrpPacket request,
        NhrpCieCode code)
    {
        var tunnel = nhrp.Tunnel;
        var reply = new NhrpPacket
        {
            Type = NhrpPacketType.RegistrationReply,
            Mandatory = CopyMandatory(request.Mandatory),
        };
        foreach (var entry in request.ClientInformationEntries)
        {
            var copy = CopyCie(entry);
            copy.Code = code;
            reply.ClientInformationEntries.Add(copy);
        }

        var responder = Cie(32, RegistrationMtu(tunnel), (ushort)nhrp.Config.HoldTimeSeconds,
            tunnel.SourceAddress, tunnel.Address);
        CopyExtensionsWithResponder(request, reply, responder, nhrp.Config);
        return reply;
    }

    /// <summary>RFC 2332 5.2.1, IOS flags 0xC802.</summary>
    public static NhrpPacket ResolutionRequest(NhrpInterface nhrp, uint requestId,
        Ipv4Address target)
    {
        var tunnel = nhrp.Tunnel;
        var packet = NewPacket(NhrpPacketType.ResolutionRequest, tunnel.SourceAddress,
            tunnel.Address, target, requestId, (ushort)ResolutionRequestFlags);
        packet.ClientInformationEntries.Add(new NhrpClientInformationEntry
        {
            PrefixLength = 32,
            Mtu = ResolutionMtu,
            HoldingTime = (ushort)nhrp.Config.HoldTimeSeconds,
        });
        AddRequestExtensions(packet, nhrp.Config);
        return packet;
    }

    /// <summary>
    /// RFC 2332 5.2.2: answers <paramref name="request"/> with one CIE binding
    /// <paramref name="prefixLength"/> bits of the destination to our tunnel address.
    /// </summary>
    public static NhrpPacket ResolutionReply(NhrpInterface nhrp, NhrpPacket request,
        int prefixLength)
    {
        var tunnel = nhrp.Tunnel;
        var mandatory = CopyMandatory(request.Mandatory);
        mandatory.ResolutionFlags |= ResolutionReplyExtraFlags;
        var reply = new NhrpPacket
        {
            Type = NhrpPacketType.ResolutionReply,
            Mandatory = mandatory,
        };
        ushort hold = (ushort)nhrp.Config.HoldTimeSeconds;
        reply.ClientInformationEntries.Add(
            Cie((byte)prefixLength, ResolutionMtu, hold, tunnel.SourceAddress, tunnel.Address));
        var responder = Cie(32, ResolutionMtu, hold, tunnel.SourceAddress, tunnel.Address);
        CopyExtensionsWithResponder(request, reply, responder, nhrp.Config);
        return reply;
    }

    /// <summary>
    /// Cisco's Traffic Indication (type 8, refdata/pcaps/README.md): from the hub's NBMA and
    /// tunnel address to the original packet's source, enclosing its IP header and the
    /// first 8 bytes of its payload; the Flags and Request ID slots stay zero.
    /// </summary>
    public static NhrpPacket TrafficIndication(NhrpInterface nhrp, ReadOnlySpan<byte> original)
    {
        var tunnel = nhrp.Tunnel;
        int headerLength = (original[0] & 0x0F) * 4;
        int quoted = Math.Min(original.Length, headerLength + 8);
        var packet = NewPacket(NhrpPacketType.TrafficIndication, tunnel.SourceAddress,
            tunnel.Address, Ipv4Address.Read(original[12..]), 0, 0);
        packet.Mandatory.EnclosedPacket = original[..quoted].ToArray();
        if (nhrp.Config.Authentication is { } key)
            packet.Extensions.Add(NhrpAuthenticationExtension.Cisco(key));

        packet.Extensions.Add(End());
        return packet;
    }

    /// <summary>The compulsory End extension IOS closes every list with (0x8000).</summary>
    public static NhrpRawExtension End() =>
        new() { Compulsory = true, Type = NhrpExtensionType.End };

    /// <summary>A CIE carrying both addresses.</summary>
    public static NhrpClientInformationEntry Cie(byte prefixLength, ushort mtu, ushort hold,
        Ipv4Address nbma, Ipv4Address protocol) => new()
    {
        PrefixLength = prefixLength,
        Mtu = mtu,
        HoldingTime = hold,
        ClientNbmaAddress = NhrpAddress.FromIpv4(nbma),
        ClientProtocolAddress = NhrpAddress.FromIpv4(protocol),
    };

    private static NhrpPacket NewPacket(NhrpPacketType type, Ipv4Address sourceNbma,
        Ipv4Address sourceProtocol, Ipv4Address destinationProtocol, uint requestId,
        ushort flags) => new()
    {
        Type = type,
        Mandatory = new NhrpMandatoryPart
        {
            Flags = flags,
            RequestId = requestId,
            SourceNbmaAddress = NhrpAddress.FromIpv4(sourceNbma),
            SourceProtocolAddress = NhrpAddress.FromIpv4(sourceProtocol),
            DestinationProtocolAddress = NhrpAddress.FromIpv4(destinationProtocol),
        },
    };

    private static void AddRequestExtensions(NhrpPacket packet, NhrpInterfaceConfig config)
    {
        // RFC 2332 5.3.1-5.3.3: requests carry these empty for the responder to fill.
        packet.Extensions.Add(NhrpCieListExtension.ResponderAddress());
        packet.Extensions.Add(NhrpCieListExtension.ForwardTransitNhsRecord());
        packet.Extensions.Add(NhrpCieListExtension.ReverseTransitNhsRecord());
        if (config.Authentication is { } key)
            packet.Extensions.Add(NhrpAuthenticationExtension.Cisco(key));

        packet.Extensions.Add(End());
    }

    /// <summary>
    /// RFC 2332 5.3: a reply carries the request's extensions, with the Responder Address
    /// filled in and our own authentication; anything unknown and non-compulsory is copied.
    /// </summary>
    private static void CopyExtensionsWithResponder(NhrpPacket request, NhrpPacket reply,
        NhrpClientInformationEntry responder, NhrpInterfaceConfig config)
    {
        bool sawResponder = false;
        foreach (var extension in request.Extensions)
        {
            switch (extension.Type)
            {
                case NhrpExtensionType.ResponderAddress:
                    sawResponder = true;
                    reply.Extensions.Add(new NhrpCieListExtension
                    {
                        Compulsory = true,
                        Type = NhrpExtensionType.ResponderAddress,
                        Entries = [responder],
                    });
                    break;
                case NhrpExtensionType.Authentication:
                    if (config.Authentication is { } key)
                        reply.Extensions.Add(NhrpAuthenticationExtension.Cisco(key));
                    break;
                case NhrpExtensionType.End:
                    break;
                default:
                    reply.Extensions.Add(extension);
                    break;
            }
        }

        if (!sawResponder && request.Extensions.Count == 0)
            return;

        reply.Extensions.Add(End());
    }

    private static NhrpMandatoryPart CopyMandatory(NhrpMandatoryPart source) => new()
    {
        Flags = source.Flags,
        RequestId = source.RequestId,
        SourceNbmaAddress = source.SourceNbmaAddress,
        SourceNbmaSubaddress = source.SourceNbmaSubaddress,
        SourceProtocolAddress = source.SourceProtocolAddress,
        DestinationProtocolAddress = source.DestinationProtocolAddress,
    };

    private static NhrpClientInformationEntry CopyCie(NhrpClientInformationEntry source) => new()
    {
        Code = source.Code,
        PrefixLength = source.PrefixLength,
        Unused = source.Unused,
        Mtu = source.Mtu,
        HoldingTime = source.HoldingTime,
        ClientNbmaAddressType = source.ClientNbmaAddressType,
        ClientNbmaSubaddressType = source.ClientNbmaSubaddressType,
        Preference = source.Preference,
        ClientNbmaAddress = source.ClientNbmaAddress,
        ClientNbmaSubaddress = source.ClientNbmaSubaddress,
        ClientProtocolAddress = source.ClientProtocolAddress,
    };
}

using DmvpnLab.Wire;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Protocols.Nhrp;

/// <summary>
/// `debug nhrp` (events and one line per packet, worded as IOS words them in
/// refdata/ios-outputs/debug-nhrp.txt) and `debug nhrp packet` (adds a field dump). Nothing
/// is formatted unless one of the two is on.
/// </summary>
public static class NhrpDebug
{
    public const string Category = "nhrp";
    public const string PacketCategory = "nhrp packet";

    public static bool IsOn(NhrpInterface nhrp) =>
        nhrp.Node.Log.IsDebugEnabled(Category) || nhrp.Node.Log.IsDebugEnabled(PacketCategory);

    public static void Event(NhrpInterface nhrp, string message)
    {
        if (nhrp.Node.Log.IsDebugEnabled(Category))
            nhrp.Node.Log.Debug(Category, message);
    }

    public static void Dropped(NhrpInterface nhrp, string reason)
    {
        if (IsOn(nhrp))
            Line(nhrp, $"NHRP: dropped packet on {nhrp.Tunnel.Name}: {reason}");
    }

    public static void Received(NhrpInterface nhrp, NhrpPacket packet, int size)
    {
        if (!IsOn(nhrp))
            return;

        Line(nhrp, $"NHRP: Receive {TypeName(packet.Type)} via {nhrp.Tunnel.Name} vrf: " +
            $"global(0x0), packet size: {size}");
        if (nhrp.Node.Log.IsDebugEnabled(PacketCategory))
            Dump(nhrp, packet, size);
    }

    public static void Sent(NhrpInterface nhrp, NhrpPacket packet, int size, Ipv4Address nbma,
        string verb)
    {
        if (!IsOn(nhrp))
            return;

        var tunnel = nhrp.Tunnel;
        var source = verb == "Forwarding"
            ? tunnel.Address
            : Ipv4Address.Read(packet.Mandatory.SourceProtocolAddress);
        var destination = packet.Type is NhrpPacketType.RegistrationReply
            or NhrpPacketType.ResolutionReply
            ? Ipv4Address.Read(packet.Mandatory.SourceProtocolAddress)
            : Ipv4Address.Read(packet.Mandatory.DestinationProtocolAddress);
        if (packet.Type is NhrpPacketType.RegistrationReply or NhrpPacketType.ResolutionReply)
            source = tunnel.Address;

        Line(nhrp, $"NHRP: {verb} {TypeName(packet.Type)} via {tunnel.Name} vrf: global(0x0), " +
            $"packet size: {size}");
        Line(nhrp, $"      src: {source}, dst: {destination}");
        if (nhrp.Node.Log.IsDebugEnabled(PacketCategory))
            Dump(nhrp, packet, size);

        Line(nhrp, "NHRP: Encapsulation succeeded.  Sending NHRP Control Packet  NBMA Address: " +
            $"{nbma}");
        Line(nhrp, $"NHRP: {size + 20 + tunnel.HeaderLength} bytes out {tunnel.Name} ");
    }

    /// <summary>The words IOS gives a CIE code, e.g. "no error(0)".</summary>
    public static string CodeText(NhrpCieCode code) => code switch
    {
        NhrpCieCode.Success => "no error(0)",
        NhrpCieCode.AdministrativelyProhibited => "administratively prohibited(4)",
        NhrpCieCode.InsufficientResources => "insufficient resources(5)",
        NhrpCieCode.NoBindingExists => "no binding exists(12)",
        NhrpCieCode.BindingNotUnique => "binding not unique(13)",
        NhrpCieCode.UniqueAddressAlreadyRegistered => "unique address registered already(14)",
        _ => $"unknown({(byte)code})",
    };

    public static string TypeName(NhrpPacketType type) => type switch
    {
        NhrpPacketType.ResolutionRequest => "Resolution Request",
        NhrpPacketType.ResolutionReply => "Resolution Reply",
        NhrpPacketType.RegistrationRequest => "Registration Request",
        NhrpPacketType.RegistrationReply => "Registration Reply",
        NhrpPacketType.PurgeRequest => "Purge Request",
        NhrpPacketType.PurgeReply => "Purge Reply",
        NhrpPacketType.ErrorIndication => "Error Indication",
        NhrpPacketType.TrafficIndication => "Traffic Indication",
        _ => $"type {(byte)type}",
    };

    private static void Line(NhrpInterface nhrp, string text)
    {
        // Both categories print the packet lines; NodeLog.Debug filters by one name.
        var log = nhrp.Node.Log;
        log.Debug(log.IsDebugEnabled(Category) ? Category : PacketCategory, text);
    }

    private static void Dump(NhrpInterface nhrp, NhrpPacket packet, int size)
    {
        var mandatory = packet.Mandatory;
        Line(nhrp, $" (F) afn: AF_IP({packet.AddressFamily}), type: IP({packet.ProtocolType:x}), " +
            $"hop: {packet.HopCount}, ver: {packet.Version}");
        Line(nhrp, $"     shtl: {mandatory.SourceNbmaAddress.Length}(NSAP), " +
            $"sstl: {mandatory.SourceNbmaSubaddress.Length}(NSAP)");
        Line(nhrp, $"     pktsz: {size} extoff: " +
            $"{(packet.Extensions.Count == 0 ? 0 : packet.ExtensionOffset)}");
        Line(nhrp, $" (M) flags: \"{FlagWords(packet)}\", reqid: {mandatory.RequestId}");
        Line(nhrp, $"     src NBMA: {Text(mandatory.SourceNbmaAddress)}");
        Line(nhrp, $"     src protocol: {Text(mandatory.SourceProtocolAddress)}, " +
            $"dst protocol: {Text(mandatory.DestinationProtocolAddress)}");
        int index = 1;
        foreach (var entry in packet.ClientInformationEntries)
            DumpCie(nhrp, entry, index++, "");

        foreach (var extension in packet.Extensions)
            DumpExtension(nhrp, extension);
    }

    private static void DumpCie(NhrpInterface nhrp, NhrpClientInformationEntry entry, int index,
        string indent)
    {
        Line(nhrp, $"{indent} (C-{index}) code: {CodeText(entry.Code)}");
        Line(nhrp, $"{indent}       prefix: {entry.PrefixLength}, mtu: {entry.Mtu}, " +
            $"hd_time: {entry.HoldingTime}");
        Line(nhrp, $"{indent}       addr_len: {entry.ClientNbmaAddress.Length}(NSAP), " +
            $"subaddr_len: {entry.ClientNbmaSubaddress.Length}(NSAP), " +
            $"proto_len: {entry.ClientProtocolAddress.Length}, pref: {entry.Preference}");
        if (entry.ClientNbmaAddress.Length > 0)
            Line(nhrp, $"{indent}       client NBMA: {Text(entry.ClientNbmaAddress)}");
        if (entry.ClientProtocolAddress.Length > 0)
            Line(nhrp, $"{indent}       client protocol: {Text(entry.ClientProtocolAddress)}");
    }

    private static void DumpExtension(NhrpInterface nhrp, NhrpExtension extension)
    {
        switch (extension)
        {
            case NhrpCieListExtension list:
                Line(nhrp, $"{ExtensionName(extension.Type)} Extension({(int)extension.Type}):");
                int index = 1;
                foreach (var entry in list.Entries)
                    DumpCie(nhrp, entry, index++, " ");
                break;
            case NhrpAuthenticationExtension authentication:
                Line(nhrp, "Authentication Extension(7):");
                Line(nhrp, $" type:Cleartext({authentication.Spi}), data:" +
                    System.Text.Encoding.ASCII.GetString(authentication.Password));
                break;
            default:
                if (extension.Type != NhrpExtensionType.End)
                    Line(nhrp, $"Extension({(int)extension.Type}): " +
                        $"{extension.ValueLength} bytes");
                break;
        }
    }

    private static string ExtensionName(NhrpExtensionType type) => type switch
    {
        NhrpExtensionType.ResponderAddress => "Responder Address",
        NhrpExtensionType.ForwardTransitNhsRecord => "Forward Transit NHS Record",
        NhrpExtensionType.ReverseTransitNhsRecord => "Reverse Transit NHS Record",
        NhrpExtensionType.CiscoNatAddress => "NAT address",
        _ => "Unknown",
    };

    private static string FlagWords(NhrpPacket packet)
    {
        ushort flags = packet.Mandatory.Flags;
        var words = new System.Text.StringBuilder();
        if (packet.Type is NhrpPacketType.RegistrationRequest or NhrpPacketType.RegistrationReply)
        {
            if ((flags & (ushort)NhrpRegistrationFlags.Unique) != 0)
                words.Append("unique ");
        }
        else if (packet.Type is NhrpPacketType.ResolutionRequest
            or NhrpPacketType.ResolutionReply)
        {
            AppendIf(words, flags, NhrpResolutionFlags.Router, "router ");
            AppendIf(words, flags, NhrpResolutionFlags.Authoritative, "auth ");
            AppendIf(words, flags, NhrpResolutionFlags.DestinationStable, "dst-stable ");
            AppendIf(words, flags, NhrpResolutionFlags.Unique, "unique ");
            AppendIf(words, flags, NhrpResolutionFlags.SourceStable, "src-stable ");
        }

        if ((flags & 0x0002) != 0 && packet.Type != NhrpPacketType.TrafficIndication)
            words.Append("nat ");

        return words.ToString();
    }

    private static void AppendIf(System.Text.StringBuilder words, ushort flags,
        NhrpResolutionFlags flag, string word)
    {
        if ((flags & (ushort)flag) != 0)
            words.Append(word);
    }

    private static string Text(byte[] address) =>
        NhrpAddress.TryGetIpv4(address, out var ipv4)
            ? ipv4.ToString()
            : Convert.ToHexString(address);
}

namespace DmvpnLab.Protocols.Ipsec;

/// <summary>
/// `show crypto socket`: the "TUNNEL SEC" sockets tunnel protection opens, one per peer of
/// a protected tunnel (Open while it has SAs, Closed otherwise), then the listening
/// socket of each protected tunnel. Layout of IOS 15 as lab write-ups capture it.
/// </summary>
internal static class ShowCryptoSocket
{
    public static void Write(TextWriter output, IpsecService ipsec)
    {
        output.WriteLine();
        output.WriteLine($"Number of Crypto Socket connections {ipsec.Flows.Count}");
        output.WriteLine();
        foreach (var flow in ipsec.Flows)
        {
            var tunnel = flow.Tunnel;
            string name = ipsec.IsShared(tunnel) ? "Shd" : ShortName(tunnel.Name);
            output.WriteLine($"   {name} Peers (local/remote): {flow.Local}/{flow.Peer}");
            output.WriteLine("       Local Ident  (addr/mask/port/prot): " +
                $"({flow.Local}/255.255.255.255/0/47)");
            output.WriteLine("       Remote Ident (addr/mask/port/prot): " +
                $"({flow.Peer}/255.255.255.255/0/47)");
            if (ipsec.IsShared(tunnel))
            {
                output.WriteLine("       Flags: shared");
            }

            output.WriteLine($"       IPSec Profile: \"{tunnel.ProtectionProfileName}\"");
            output.WriteLine($"       Socket State: {(flow.Current is null ? "Closed" : "Open")}");
            output.WriteLine("       Client: \"TUNNEL SEC\" (Client State: Active)");
        }

        output.WriteLine("Crypto Sockets in Listen state:");
        foreach (var tunnel in ipsec.ProtectedTunnelInterfaces())
        {
            output.WriteLine("Client: \"TUNNEL SEC\" Profile: " +
                $"\"{tunnel.ProtectionProfileName}\" Map-name: \"{tunnel.Name}-head-0\"");
        }

        output.WriteLine();
    }

    /// <summary>IOS's short interface name: Tunnel1 is Tu1.</summary>
    internal static string ShortName(string name) =>
        name.StartsWith("Tunnel", StringComparison.Ordinal) ? "Tu" + name[6..] : name;
}

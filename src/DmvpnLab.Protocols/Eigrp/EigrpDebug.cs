using System.Text;
using DmvpnLab.Wire;
using DmvpnLab.Wire.Eigrp;

namespace DmvpnLab.Protocols.Eigrp;

/// <summary>
/// `debug eigrp packets` lines in IOS's shape: a first line naming the packet, interface
/// and neighbor, a second with the AS, flags and sequence/ack numbers and the queue depths.
/// Callers check <see cref="Category"/> is enabled before calling, so nothing is formatted
/// on a quiet router.
/// </summary>
internal static class EigrpDebug
{
    public const string Category = "eigrp packets";

    public static string OpcodeName(EigrpPacket packet) => packet.Opcode switch
    {
        EigrpOpcode.Hello when packet.IsAck => "ACK",
        EigrpOpcode.Hello => "HELLO",
        EigrpOpcode.Update => "UPDATE",
        EigrpOpcode.Query => "QUERY",
        EigrpOpcode.Reply => "REPLY",
        EigrpOpcode.Request => "REQUEST",
        EigrpOpcode.SiaQuery => "SIAQUERY",
        EigrpOpcode.SiaReply => "SIAREPLY",
        _ => $"OPCODE {(byte)packet.Opcode}",
    };

    public static string FlagsText(EigrpFlags flags)
    {
        if (flags == EigrpFlags.None)
            return "0x0:(NULL)";

        var names = new List<string>();
        if ((flags & EigrpFlags.Init) != 0)
            names.Add("INIT");
        if ((flags & EigrpFlags.ConditionalReceive) != 0)
            names.Add("CR");
        if ((flags & EigrpFlags.Restart) != 0)
            names.Add("RS");
        if ((flags & EigrpFlags.EndOfTable) != 0)
            names.Add("EOT");

        return $"0x{(uint)flags:X}:({string.Join(", ", names)})";
    }

    public static string Describe(bool sending, string interfaceName, Ipv4Address? neighbor,
        EigrpPacket packet, int interfaceReliableQueue, EigrpNeighbor? peer, int retry = -1)
    {
        var text = new StringBuilder();
        text.Append(sending ? "EIGRP: Sending " : "EIGRP: Received ");
        text.Append(OpcodeName(packet)).Append(" on ").Append(interfaceName);
        if (neighbor is { } address)
            text.Append(" nbr ").Append(address);

        if (peer is not null && retry >= 0)
            text.Append($", retry {retry}, RTO {peer.RetransmissionTimeoutMilliseconds}");

        text.Append('\n');
        text.Append($"  AS {packet.AutonomousSystem}, Flags {FlagsText(packet.Flags)}, " +
                    $"Seq {packet.SequenceNumber}/{packet.AcknowledgmentNumber} " +
                    $"idbQ 0/0 iidbQ un/rely 0/{interfaceReliableQueue}");
        if (peer is not null)
            text.Append($" peerQ un/rely 0/{peer.QueueCount}");

        return text.ToString();
    }
}

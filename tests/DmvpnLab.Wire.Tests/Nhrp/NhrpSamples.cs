using System.Buffers.Binary;
using DmvpnLab.Wire.Nhrp;

namespace DmvpnLab.Wire.Tests.Nhrp;

/// <summary>NHRP packets taken from the tcpdump captures in refdata.</summary>
internal static class NhrpSamples
{
    /// <summary>NHRP_registration.pcap: 4 frames, 802.1Q, GRE key 2, password NHRPAUTH.</summary>
    public const string RegistrationFile = "NHRP_registration.pcap";

    /// <summary>nhrp.pcapng: 25 registrations from one spoke to two NHSs.</summary>
    public const string PcapngFile = "nhrp.pcapng";

    /// <summary>pb_nhrp_1.pcap: one malformed Resolution Request straight over IP.</summary>
    public const string MalformedFile = "pb_nhrp_1.pcap";

    public static byte[] Registration(int frame) =>
        CapturedPayload.Nhrp(RefData.Frame(RegistrationFile, frame));

    public static byte[] Pcapng(int frame) =>
        CapturedPayload.Nhrp(RefData.Frame(PcapngFile, frame));

    /// <summary>Every NHRP packet of both good captures, with a name for messages.</summary>
    public static IEnumerable<(string Name, byte[] Packet)> All()
    {
        for (int i = 1; i <= RefData.Records(RegistrationFile).Count; i++)
        {
            yield return ($"{RegistrationFile}#{i}", Registration(i));
        }

        for (int i = 1; i <= RefData.Records(PcapngFile).Count; i++)
        {
            yield return ($"{PcapngFile}#{i}", Pcapng(i));
        }
    }

    /// <summary>Recomputes ar$chksum after a test edited the bytes.</summary>
    public static byte[] WithChecksumFixed(byte[] packet)
    {
        var copy = (byte[])packet.Clone();
        copy[12] = 0;
        copy[13] = 0;
        int size = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(copy.AsSpan(10)), copy.Length);
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(12),
            InternetChecksum.Compute(copy.AsSpan(0, size)));
        return copy;
    }

    /// <summary>The four bytes of a dotted quad.</summary>
    public static byte[] Ip(string dotted) => NhrpAddress.FromIpv4(Ipv4Address.Parse(dotted));
}
